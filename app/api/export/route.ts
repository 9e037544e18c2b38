import { getRequestUser } from "@/server/auth";
import { db, readDb } from "@/server/db";
import { createExportHandler } from "./handler";

export const GET = createExportHandler({ db, readDb, getUser: getRequestUser });
