/**
 * Where a person may be sent after signing in (or up): a path of this site, never another origin. Browsers strip tabs
 * and line breaks from URLs and read "\" as "/", so "/\t/evil.example" or "/\\evil.example" becomes
 * "//evil.example" — another site. A callback with any control character or backslash is refused outright; what is
 * left must parse as a path of this origin. Used by the sign-in and sign-up pages, next-auth's redirect callback
 * (server/auth.ts) and the schemas (server/schemas/common.ts).
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;
const BASE = "http://same-origin.invalid";

/** The same-site path `value` names ("/x?y#z", normalised), or null when it is anything else. */
export function sameSitePath(value: string | null | undefined): string | null {
  if (!value || value.length > 2000 || UNSAFE.test(value)) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? null : path;
}

/** Only same-site paths are followed after sign-in ("/x", never "//evil.example", "https://…" or "/\t/evil"). */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  return sameSitePath(value) ?? fallback;
}

/**
 * next-auth's redirect callback: a same-site path, or an absolute URL of this origin (`baseUrl`), is followed;
 * anything else goes to `baseUrl`.
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (url.startsWith("/")) {
    const path = sameSitePath(url);
    return path ? `${base}${path}` : base;
  }
  if (UNSAFE.test(url)) return base;
  try {
    const parsed = new URL(url);
    if (parsed.origin !== new URL(base).origin) return base;
    const path = sameSitePath(`${parsed.pathname}${parsed.search}${parsed.hash}`);
    return path ? `${base}${path}` : base;
  } catch {
    return base;
  }
}
