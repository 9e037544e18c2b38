/** Server-side tRPC for server components: the same router, called directly with the request's session. */
import "server-only";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { getSessionUser } from "@/server/auth";
import { db, readDb } from "@/server/db";

export const getServerCaller = cache(async () => createCaller({ db, readDb, user: await getSessionUser() }));
