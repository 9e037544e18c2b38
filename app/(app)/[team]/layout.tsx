import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { BottomTabBar, SideNav } from "@/components/layout/app-nav";
import { SkipLink } from "@/components/layout/skip-link";
import { movedPath } from "@/components/layout/moved-path";
import { SlugRedirect } from "@/components/layout/slug-redirect";
import { TeamProvider, type CurrentTeam } from "@/components/layout/team-context";
import { TeamSwitcher } from "@/components/layout/team-switcher";
import { UserMenu } from "@/components/layout/user-menu";
import { NotificationBell } from "@/components/layout/notification-bell";
import { getSessionUser } from "@/server/auth";
import { getServerCaller } from "@/trpc/server";

interface Props {
  children: React.ReactNode;
  params: Promise<{ team: string }>;
}

/** The team named by the URL slug, among the signed-in user's teams; 404 for anyone else's. */
const loadTeam = cache(async (slug: string) => {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/${slug}`)}`);
  const caller = await getServerCaller();
  const teams = await caller.team.list();
  const mine = teams.find((t) => t.slug === slug);
  if (!mine) {
    // An old address of one of my teams (renamed in its settings) leads to the current one.
    const moved = /^[a-z0-9-]{1,100}$/.test(slug) ? await caller.team.resolveOldSlug({ slug }) : null;
    if (!moved) notFound();
    const path = (await headers()).get("x-pathname");
    if (path?.startsWith(`/${slug}`)) redirect(movedPath(path, slug, moved.slug));
    return { moved: true, to: moved.slug } as const;
  }
  const team = await caller.team.get({ teamId: mine.id });
  const current: CurrentTeam = {
    id: team.id,
    slug: team.slug,
    name: team.name,
    currency: team.currency,
    timeZone: team.timeZone,
    memberTimeZone: team.me.timeZone ?? null,
    weekStartsOn: team.weekStartsOn,
    workingDays: team.workingDays,
    membersCanInvite: team.membersCanInvite,
    role: team.me.role,
    leadsBranch: team.me.leadsBranch,
    membershipId: team.me.id,
  };
  return { user, teams, current, canChangeSettings: team.canChangeSettings, moved: false } as const;
});

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const { team: slug } = await params;
  const loaded = await loadTeam(slug);
  if (loaded.moved) return { title: "This team has a new address · Backplan" };
  const { current } = loaded;
  return { title: { template: `%s · ${current.name} · Backplan`, default: current.name } };
}

export default async function TeamLayout({ children, params }: Props) {
  const { team: slug } = await params;
  const loaded = await loadTeam(slug);
  if (loaded.moved) return <SlugRedirect from={slug} to={loaded.to} />;
  const { user, teams, current, canChangeSettings } = loaded;
  const switcherTeams = teams.map(({ id, slug, name, role }) => ({ id, slug, name, role }));

  return (
    <TeamProvider team={current}>
      <SkipLink />
      <div className="min-h-dvh md:grid md:grid-cols-[15rem_minmax(0,1fr)]">
        <aside className="hidden border-r border-slate-200 bg-white md:block">
          <div className="sticky top-0 flex h-dvh flex-col gap-6 p-4">
            <Link
              href={`/${current.slug}/plan`}
              className="text-brand-700 flex min-h-11 items-center px-3 text-lg font-bold"
            >
              Backplan
            </Link>
            <SideNav />
          </div>
        </aside>
        <div className="flex min-w-0 flex-col">
          <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
            <div className="flex min-h-14 items-center gap-2 px-2 sm:px-4">
              <Link
                href={`/${current.slug}/plan`}
                aria-label="Backplan home"
                className="text-brand-700 flex size-11 shrink-0 items-center justify-center rounded-lg text-lg font-bold md:hidden"
              >
                <span aria-hidden>B</span>
              </Link>
              <div className="min-w-0 flex-1">
                <TeamSwitcher
                  current={{ id: current.id, slug: current.slug, name: current.name, role: current.role }}
                  teams={switcherTeams}
                  settingsHref={canChangeSettings ? `/${current.slug}/settings` : undefined}
                />
              </div>
              <NotificationBell />
              <UserMenu user={{ name: user.name, email: user.email }} profileHref={`/${current.slug}/profile`} />
            </div>
          </header>
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-5xl flex-1 px-4 pt-6 pb-[calc(6rem+env(safe-area-inset-bottom))] outline-none sm:px-6 md:pb-10"
          >
            {children}
          </main>
        </div>
      </div>
      <BottomTabBar />
    </TeamProvider>
  );
}
