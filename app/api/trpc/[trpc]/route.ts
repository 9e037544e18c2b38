import { getRequestUser } from "@/server/auth";
import { db } from "@/server/db";
import { createTrpcHandler } from "./handler";

const handler = createTrpcHandler({ db, getUser: getRequestUser });

export { handler as GET, handler as POST };
