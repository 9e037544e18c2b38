/** The same page at a team's new address: `/old/plan/goals?x=1` → `/new/plan/goals?x=1` (server and browser). */
export function movedPath(path: string, from: string, to: string): string {
  return path.startsWith(`/${from}/`) || path === `/${from}` || path.startsWith(`/${from}?`)
    ? `/${to}${path.slice(from.length + 1)}`
    : `/${to}`;
}
