/**
 * Team URL slugs: lower-case ASCII letters, digits and single dashes, 3–40 characters, never one of the
 * app's own top-level routes. `slugify` always returns a valid slug (falling back to "team").
 */
export const RESERVED_SLUGS = new Set([
  "api",
  "signin",
  "signup",
  "signout",
  "join",
  "teams",
  "settings",
  "account",
  "offline",
  "_next",
  "static",
  "sw.js",
  "serwist",
  "manifest.webmanifest",
  "icons",
  "new",
  "admin",
  "auth",
  "demo",
  "reset-password",
  "verify-email",
  "confirm-email",
  "profile",
]);

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/g, "");
  const slug = base.length >= 3 ? base : `team${base ? `-${base}` : ""}`;
  return RESERVED_SLUGS.has(slug) ? `${slug}-team` : slug;
}

/** `slug`, `slug-2`, `slug-3`, … — the first candidate not in `taken`. */
export function firstFreeSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A slug a team may choose: the shape `slugify` makes (3–40 characters) and not an app route. */
export function isValidSlug(slug: string): boolean {
  return slug.length >= 3 && slug.length <= 40 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && !RESERVED_SLUGS.has(slug);
}
