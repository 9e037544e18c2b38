/**
 * POST /api/unsubscribe?token=… — one-click unsubscribe (RFC 8058), no sign-in: the token of a mail's
 * List-Unsubscribe header turns that email kind off (server/services/email/unsubscribe.ts) and answers 200.
 * - A mail client's one-click POST (body `List-Unsubscribe=One-Click`) gets `{ ok, kind, label }`.
 * - The button of the unsubscribe page (/unsubscribe, a plain form: works without JavaScript) is sent back to that
 *   page with `done=1` (303).
 * - GET (someone opening the header's link in a browser) leads to the page, which asks before changing anything:
 *   a GET never unsubscribes (link scanners open every link).
 * A bad token is 400 `{ error }` and changes nothing.
 */
import { withErrorResponse } from "@/server/api/error-mapping";
import { db } from "@/server/db";
import { unsubscribe } from "@/server/services/email/unsubscribe";

export const dynamic = "force-dynamic";

function pageUrl(request: Request, params: URLSearchParams): URL {
  const url = new URL("/unsubscribe", request.url);
  for (const key of ["token", "team"]) {
    const value = params.get(key);
    if (value) url.searchParams.set(key, value);
  }
  return url;
}

export const POST = withErrorResponse(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    // One-click POSTs carry a form body; anything else is read from the query alone.
  }
  const token = params.get("token") ?? (typeof form?.get("token") === "string" ? String(form.get("token")) : "");
  const done = await unsubscribe(db, { token });
  if (form?.get("source") === "page") {
    const url = pageUrl(request, new URLSearchParams({ token, team: String(form.get("team") ?? "") }));
    url.searchParams.set("done", "1");
    return Response.redirect(url, 303);
  }
  return Response.json(
    { ok: true, kind: done.kind, label: done.label },
    { status: 200, headers: { "Cache-Control": "no-store" } },
  );
});

export function GET(request: Request): Response {
  return Response.redirect(pageUrl(request, new URL(request.url).searchParams), 303);
}
