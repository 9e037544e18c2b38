import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DemoAccountButton, MagicLinkForm, SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/components/auth/safe-callback";
import { Card } from "@/components/ui/card";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isDemoMode } from "@/prisma/demo-accounts";
import { getSessionUser } from "@/server/auth";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  EmailSignin: "We could not send the sign-in link. Please try again.",
  CredentialsSignin: "That email and password do not match an account.",
  SessionRequired: "Please sign in to continue.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const initialError = params.error ? (ERRORS[params.error] ?? "Sign-in failed. Please try again.") : undefined;

  return (
    <div className="space-y-6">
      <Card className="space-y-6">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
        <p className="text-sm">
          <Link
            className="text-brand-700 inline-flex min-h-11 items-center font-medium underline"
            href="/reset-password"
          >
            Forgot your password?
          </Link>
        </p>
        <div className="border-t border-slate-200 pt-6">
          <MagicLinkForm callbackUrl={callbackUrl} />
        </div>
        <p className="text-center text-sm text-slate-700">
          New here?{" "}
          <Link
            className="text-brand-700 font-medium underline"
            href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          >
            Create an account
          </Link>
        </p>
      </Card>
      {isDemoMode() && (
        <Card className="space-y-3" aria-labelledby="demo-accounts">
          <h2 id="demo-accounts" className="font-semibold">
            Demo accounts
          </h2>
          <p className="text-sm text-slate-700">
            Password for all of them: <code className="rounded bg-slate-100 px-1">{DEMO_PASSWORD}</code>
          </p>
          <ul className="space-y-2">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <DemoAccountButton
                  email={a.email}
                  password={DEMO_PASSWORD}
                  name={a.name}
                  label={a.label}
                  callbackUrl={callbackUrl}
                />
                <span className="sr-only">{a.email}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
