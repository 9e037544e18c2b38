import { getRequestUser } from "@/server/auth";
import { db } from "@/server/db";
import { createEntriesExportHandler } from "./handler";

const handler = createEntriesExportHandler({ db, getUser: getRequestUser });

export const GET = async (req: Request, { params }: { params: Promise<{ teamId: string }> }) =>
  handler(req, (await params).teamId);
