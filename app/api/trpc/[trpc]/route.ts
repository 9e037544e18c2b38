import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { getRequestUser } from "@/server/auth";
import { db } from "@/server/db";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async ({ resHeaders }) => ({
      db,
      user: await getRequestUser(req, resHeaders),
      ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? undefined,
    }),
  });
}

export { handler as GET, handler as POST };
