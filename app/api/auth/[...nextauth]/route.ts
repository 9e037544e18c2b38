import NextAuth from "next-auth";
import { authOptions, SIGN_IN_RATE_LIMITED } from "@/server/auth";
import { db } from "@/server/db";
import { clientAddress } from "@/server/services/security/rate-limit";
import { magicLinkAddressAllowed } from "@/server/services/security/sign-in-limits";

const handler = NextAuth(authOptions);

/**
 * Magic-link requests are limited per client address here (next-auth's email provider sees no request) and per email
 * address in the provider (server/auth.ts). Over the address limit nothing is sent and the form is told to wait.
 */
async function POST(req: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  if (new URL(req.url).pathname.endsWith("/signin/email")) {
    if (!(await magicLinkAddressAllowed(db, clientAddress(req.headers)))) {
      const url = new URL(`/signin?error=${SIGN_IN_RATE_LIMITED}`, req.url).toString();
      return Response.json({ url }, { status: 429 });
    }
  }
  return (handler as (req: Request, context: unknown) => Promise<Response>)(req, context);
}

export { handler as GET, POST };
