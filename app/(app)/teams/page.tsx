import { ChevronRight } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { RoleBadge } from "@/components/layout/role-text";
import { SkipLink } from "@/components/layout/skip-link";
import { UserMenu } from "@/components/layout/user-menu";
import { AccountSettings } from "@/components/auth/account-settings";
import { ResendVerification } from "@/components/auth/resend-verification";
import { CreateTeamForm } from "@/components/team/create-team-form";
import { MyInvitations } from "@/components/team/my-invitations";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/server/auth";
import { getServerCaller } from "@/trpc/server";

export const metadata: Metadata = { title: "Your teams" };

export default async function TeamsPage() {
  const user = await getSessionUser();
  const caller = await getServerCaller();
  const [teams, invitations, account] = user
    ? await Promise.all([caller.team.list(), caller.invite.mine(), caller.auth.status()])
    : [[], [], null];

  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex min-h-14 max-w-3xl items-center justify-between gap-2 px-4">
          <span className="text-brand-700 text-lg font-bold">Backplan</span>
          {user && <UserMenu user={{ name: user.name, email: user.email }} />}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl space-y-8 px-4 py-8 outline-none">
        {account && !account.verified && (
          <Card className="space-y-3" role="region" aria-labelledby="verify-email">
            <h2 id="verify-email" className="text-lg font-semibold">
              Confirm your email
            </h2>
            <p className="break-words text-slate-800">
              Open the link we sent to {account.email} to confirm it. Until then you cannot join a team.
            </p>
            <ResendVerification />
          </Card>
        )}
        <MyInvitations invitations={invitations} />
        <section aria-labelledby="your-teams" className="space-y-3">
          <h1 id="your-teams" className="text-2xl font-semibold sm:text-3xl">
            Your teams
          </h1>
          {teams.length === 0 ? (
            <Card>
              <p className="text-slate-800">You are not in a team yet.</p>
              <p className="mt-1 text-slate-700">
                Create one below, or open the invite link your leader sent you to join theirs.
              </p>
            </Card>
          ) : (
            <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
              {teams.map((team) => (
                <li key={team.id}>
                  <Link href={`/${team.slug}`} className="flex min-h-14 items-center gap-3 px-4 py-3 hover:bg-slate-50">
                    <span className="min-w-0 flex-1 truncate text-lg font-medium">{team.name}</span>
                    <RoleBadge role={team.role} />
                    <ChevronRight aria-hidden className="size-5 shrink-0 text-slate-500" />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="create-team" className="space-y-3">
          <h2 id="create-team" className="text-xl font-semibold">
            Create a team
          </h2>
          <Card>
            <CreateTeamForm />
          </Card>
        </section>
        {account && (
          <section aria-labelledby="your-account" className="space-y-3">
            <h2 id="your-account" className="text-xl font-semibold">
              Your account
            </h2>
            <Card>
              <AccountSettings email={account.email} hasPassword={account.hasPassword} />
            </Card>
          </section>
        )}
      </main>
    </>
  );
}
