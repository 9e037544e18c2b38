"use client";
/**
 * The main navigation, in two shapes from one list: a bottom tab bar on phones and a sidebar list on
 * wider screens. Only one is displayed at a time (the other is display:none, so hidden from assistive
 * technology too). The active section gets aria-current="page" and a non-colour cue (bold + bar).
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { useTeam } from "./team-context";
import { NAV_ITEMS, sectionHref } from "./nav-items";

/** The sections of this team, each with its link and whether it is the current page. */
function useNavLinks() {
  const { slug } = useTeam();
  const pathname = usePathname();
  return NAV_ITEMS.map((item) => {
    const href = sectionHref(slug, item.key);
    return { ...item, href, active: pathname === href || pathname.startsWith(`${href}/`) };
  });
}

export function BottomTabBar() {
  const links = useNavLinks();
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
    >
      <ul className="grid grid-cols-6">
        {links.map(({ key, label, icon: Icon, href, active }) => (
          <li key={key}>
            <Link
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "relative flex min-h-14 flex-col items-center justify-center gap-0.5 px-1 text-xs",
                active ? "text-brand-700 font-semibold" : "text-slate-700 hover:text-slate-900",
              )}
            >
              {active && <span aria-hidden className="bg-brand-600 absolute inset-x-3 top-0 h-1 rounded-b" />}
              <Icon aria-hidden className="size-6" strokeWidth={active ? 2.5 : 2} />
              <span>{label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SideNav() {
  const links = useNavLinks();
  return (
    <nav aria-label="Main">
      <ul className="space-y-1">
        {links.map(({ key, label, icon: Icon, href, active }) => (
          <li key={key}>
            <Link
              href={href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex min-h-11 items-center gap-3 rounded-lg border-l-4 px-3 text-base",
                active
                  ? "border-brand-600 bg-brand-50 text-brand-800 font-semibold"
                  : "border-transparent text-slate-800 hover:bg-slate-100",
              )}
            >
              <Icon aria-hidden className="size-5" />
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
