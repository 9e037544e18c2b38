/**
 * Whether a link is a path inside the app (a notification's `url`, issue 20): it starts with one "/" — not "//" or
 * "/\", which browsers read as another host — and holds no whitespace or control character. Pure: notify() checks
 * it before a row is made; the inbox and the push payload can trust what is stored.
 */
export function isInAppPath(url: string): boolean {
  return (
    url.startsWith("/") &&
    !url.startsWith("//") &&
    !url.startsWith("/\\") &&
    !/[\s\u0000-\u001f\u007f]/.test(url) &&
    url.length <= 2000
  );
}
