import { getRequestUser } from "@/server/auth";
import { db, readDb } from "@/server/db";
import { createTrpcHandler } from "./handler";

const handler = createTrpcHandler({ db, readDb, getUser: getRequestUser });

export { handler as GET, handler as POST };
