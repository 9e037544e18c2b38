import { getRequestUser } from "@/server/auth";
import { db } from "@/server/db";
import { createLogHandler } from "./handler";

export const POST = createLogHandler({ db, getUser: getRequestUser });
