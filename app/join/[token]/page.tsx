import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { Card } from "@/components/ui/card";
import { ResendVerification } from "@/components/auth/resend-verification";
import { JoinTeamButton } from "@/components/team/join-team-button";
import { SignOutButton } from "@/components/team/sign-out-link";
import { getSessionUser } from "@/server/auth";
import { getServerCaller } from "@/trpc/server";

export const metadata: Metadata = { title: "Join a team", robots: { index: false, follow: false } };

const linkButton = "inline-flex min-h-14 w-full items-center justify-center rounded-lg px-6 text-lg font-medium";

/** Opened from an invite link; works signed out (to offer sign-up / sign-in) and signed in (to join). */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [user, caller] = await Promise.all([getSessionUser(), getServerCaller()]);
  const preview = await caller.invite.preview({ token }).catch((error: unknown) => {
    // A malformed token fails input validation: to the visitor it is simply not a valid link.
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") {
      return { ok: false as const, message: "This invite link is not valid. Ask for a new one." };
    }
    throw error;
  });
  const account = user ? await caller.auth.status() : null;
  const here = `/join/${encodeURIComponent(token)}`;
  const callback = encodeURIComponent(here);

  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <p className="text-brand-700 mb-6 text-center text-lg font-bold">Backplan</p>
      <Card className="space-y-5">
        {!preview.ok ? (
          <>
            <h1 className="text-2xl font-semibold">This invite can’t be used</h1>
            <p role="alert" className="text-slate-800">
              {preview.message}
            </p>
            <Link href={user ? "/teams" : "/"} className="text-brand-700 font-medium underline underline-offset-2">
              {user ? "Go to your teams" : "Go to Backplan"}
            </Link>
          </>
        ) : preview.alreadyMember ? (
          <>
            <h1 className="text-2xl font-semibold">You’re already in {preview.team.name}</h1>
            <p className="text-slate-700">There is nothing more to do: this link is for people joining the team.</p>
            <Link
              href={`/${preview.team.slug}/team`}
              className={`${linkButton} bg-brand-600 hover:bg-brand-700 text-white`}
            >
              Open {preview.team.name}
            </Link>
          </>
        ) : (
          <>
            <div className="space-y-2">
              <h1 className="text-2xl font-semibold">Join {preview.team.name}</h1>
              <p className="break-words text-slate-800">
                You’ll join the team under <strong className="font-semibold">{preview.inviterName}</strong>.
              </p>
            </div>
            {user && preview.forAnotherEmail ? (
              <>
                <p role="alert" className="font-medium text-red-800">
                  This invitation was sent to another email address. Sign in with that address to accept it.
                </p>
                <p className="text-sm break-words text-slate-700">
                  Signed in as {user.email}. <SignOutButton callbackUrl={here}>Sign out</SignOutButton>
                </p>
              </>
            ) : user && account && !account.verified ? (
              <>
                <p role="alert" className="font-medium text-slate-900">
                  Verify your email first: open the link we sent to {account.email}, then come back to join.
                </p>
                <ResendVerification callbackUrl={here} />
              </>
            ) : user ? (
              <>
                <JoinTeamButton token={token} teamName={preview.team.name} />
                <p className="text-sm break-words text-slate-700">
                  Signed in as {user.email}. Not you? <SignOutButton callbackUrl={here}>Sign out</SignOutButton>
                </p>
              </>
            ) : (
              <div className="space-y-3">
                <p className="text-slate-700">To join, create a Backplan account or sign in.</p>
                <Link
                  href={`/signup?callbackUrl=${callback}`}
                  className={`${linkButton} bg-brand-600 hover:bg-brand-700 text-white`}
                >
                  Create an account
                </Link>
                <Link
                  href={`/signin?callbackUrl=${callback}`}
                  className={`${linkButton} border border-slate-300 bg-white text-slate-900 hover:bg-slate-100`}
                >
                  Sign in
                </Link>
              </div>
            )}
          </>
        )}
      </Card>
    </main>
  );
}
