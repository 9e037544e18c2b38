import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth";
import { SignInRedirect } from "@/components/layout/sign-in-redirect";

/**
 * Everything in (app) needs a signed-in user. A layout cannot read the URL on the server, so the exact
 * callbackUrl comes from an `x-pathname` request header when a proxy sets one, and otherwise from the
 * browser (SignInRedirect replaces the location with /signin?callbackUrl=<current path>).
 */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get("x-pathname");
    if (path?.startsWith("/")) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    return <SignInRedirect />;
  }
  return children;
}
