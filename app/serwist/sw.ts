/// <reference lib="webworker" />
/*
 * Backplan's service worker, built by serwist (@serwist/turbopack bundles it during `next build` and serves it at
 * /serwist/sw.js, app/serwist/[path]/route.ts): makes the Log page open offline.
 *
 * - Pages: network first. Log pages (/<team>/log) are kept in a cache when they load; when the network is gone a
 *   navigation gets its cached copy; the start page "/" is sent to the cached Log page; other pages show a short
 *   offline notice with a link to it.
 * - /_next/static/* (content-hashed, immutable): cache first. Icons and the manifest: stale-while-revalidate (the
 *   192 px icon and the manifest are precached, versioned by serwist's manifest: no hand-bumped cache version).
 * - /api/* (tRPC, auth) always goes to the network: entries made offline wait in the page's IndexedDB queue.
 * - A page may post serwist's {type: "CACHE_URLS", payload: {urlsToCache}} so the Log page and the scripts it already
 *   loaded before this worker took control are cached too (components/log/service-worker.tsx).
 * - Visiting the sign-in page clears the cached pages (they hold the signed-in member's numbers).
 * - Web Push: `push` shows the notification, `notificationclick` opens its page (same origin only); see the end.
 */
import {
  CacheFirst,
  CacheableResponsePlugin,
  NetworkFirst,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type RouteMatchCallbackOptions,
  type SerwistGlobalConfig,
  type SerwistPlugin,
} from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const PAGES = "backplan-pages";
const ASSETS = "backplan-assets";
/** The hand-written worker's caches (public/sw.js, "v1"/"v2"), cleared once this one is active. */
const OLD_CACHES = /^backplan-(pages|assets)-v\d+$/;
const LOG_PAGE = /^\/[^/]+\/log\/?$/;

const isRsc = (request: Request, url: URL) => request.headers.has("RSC") || url.searchParams.has("_rsc");

/** A page of this app, not the API's and not the sign-in page's: navigations, and a Log page asked for by CACHE_URLS. */
const isPage = ({ request, url, sameOrigin }: RouteMatchCallbackOptions) =>
  sameOrigin &&
  !url.pathname.startsWith("/api/") &&
  !url.pathname.startsWith("/signin") &&
  !isRsc(request, url) &&
  (request.mode === "navigate" || (request.destination === "" && LOG_PAGE.test(url.pathname)));

const cachedLogUrl = async (cache: Cache) => {
  for (const request of await cache.keys()) if (LOG_PAGE.test(new URL(request.url).pathname)) return request.url;
  return null;
};

/** Offline: the start page (and another Log address) opens the cached Log page; other pages a short notice. */
async function offlinePage(url: URL): Promise<Response> {
  const logUrl = await cachedLogUrl(await caches.open(PAGES));
  if (logUrl && (url.pathname === "/" || LOG_PAGE.test(url.pathname))) return Response.redirect(logUrl, 302);
  const link = logUrl
    ? `<p><a href="${new URL(logUrl).pathname}">Open the Log</a> — it works offline.</p>`
    : "<p>Open the Log page once while online and it will work offline from then on.</p>";
  return new Response(
    '<!doctype html><html lang="en"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Backplan</title>' +
      '<body style="font-family:system-ui,sans-serif;padding:2rem;max-width:30rem;margin:auto"><h1>You are offline</h1>' +
      `<p>This page needs the network.</p>${link}</body></html>`,
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}

/** Only Log pages are kept, under their address without the query; the rest falls back to `offlinePage`. */
const logPages: SerwistPlugin = {
  cacheKeyWillBeUsed: ({ request }) => {
    const url = new URL(request.url);
    return Promise.resolve(url.origin + url.pathname);
  },
  cacheWillUpdate: ({ request, response }) => {
    const keep =
      LOG_PAGE.test(new URL(request.url).pathname) &&
      response.ok &&
      !response.redirected &&
      (response.headers.get("content-type") ?? "").includes("text/html");
    return Promise.resolve(keep ? response : null);
  },
  handlerDidError: ({ request }) => offlinePage(new URL(request.url)),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    { matcher: isPage, handler: new NetworkFirst({ cacheName: PAGES, plugins: [logPages] }) },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: ASSETS, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
    },
    {
      matcher: ({ url, sameOrigin }) =>
        sameOrigin && (url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest"),
      handler: new StaleWhileRevalidate({
        cacheName: ASSETS,
        plugins: [new CacheableResponsePlugin({ statuses: [200] })],
      }),
    },
  ],
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.mode === "navigate" && url.origin === self.location.origin && url.pathname.startsWith("/signin")) {
    event.waitUntil(caches.delete(PAGES));
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (OLD_CACHES.test(key)) await caches.delete(key);
    })(),
  );
});

/**
 * Web Push (server/services/push/dispatch-push.ts sends `{ title, body, url, tag }`): shown as a notification; a
 * click focuses a tab of this app already on that page (else any tab of this app, navigated there) or opens it.
 * Only paths of this origin are opened, whatever a payload says.
 */
interface PushData {
  title?: unknown;
  body?: unknown;
  url?: unknown;
  tag?: unknown;
}

/** A same-origin address for a payload's url ("/acme/plan?x" → "https://this.app/acme/plan?x"); else the start page. */
function sameOriginUrl(raw: unknown): string {
  const home = new URL("/", self.location.origin).href;
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return home;
  try {
    const url = new URL(raw, self.location.origin);
    return url.origin === self.location.origin ? url.href : home;
  } catch {
    return home;
  }
}

self.addEventListener("push", (event) => {
  let data: PushData = {};
  try {
    data = (event.data?.json() as PushData | null) ?? {};
  } catch {
    data = { body: event.data?.text() };
  }
  const title = typeof data.title === "string" && data.title ? data.title : "Backplan";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === "string" ? data.body : "",
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      tag: typeof data.tag === "string" && data.tag ? data.tag : undefined,
      data: { url: sameOriginUrl(data.url) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = sameOriginUrl((event.notification.data as { url?: unknown } | null)?.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const mine = windows.filter((c) => new URL(c.url).origin === self.location.origin);
      const exact = mine.find((c) => c.url === target);
      if (exact) {
        await exact.focus();
        return;
      }
      const any = mine[0];
      if (any) {
        const focused = await any.focus();
        await focused.navigate(target).catch(() => self.clients.openWindow(target));
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});

serwist.addEventListeners();
