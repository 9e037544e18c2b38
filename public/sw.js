/*
 * Backplan's service worker (hand-written, no build step): makes the Log page open offline.
 *
 * - Pages: network first. Log pages (/<team>/log) are kept in a cache when they load; when the network is gone a
 *   navigation gets its cached copy, or the most recent cached Log page, or a short offline notice.
 * - /_next/static/* (content-hashed, immutable): cache first. Icons and the manifest: stale-while-revalidate.
 * - /api/* (tRPC, auth) always goes to the network: entries made offline wait in the page's IndexedDB queue.
 * - A page may post {type: "warm", page, assets} so the Log page and the scripts it already loaded before this
 *   worker took control are cached too.
 * - Visiting the sign-in page clears the cached pages (they hold the signed-in member's numbers).
 */
const VERSION = "v1";
const PAGES = `backplan-pages-${VERSION}`;
const ASSETS = `backplan-assets-${VERSION}`;
const LOG_PAGE = /^\/[^/]+\/log\/?$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => cache.addAll(["/manifest.webmanifest", "/icons/icon-192.png"]))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PAGES, ASSETS]);
      for (const key of await caches.keys()) if (key.startsWith("backplan-") && !keep.has(key)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

const isCacheablePage = (url, response) =>
  LOG_PAGE.test(url.pathname) && response.ok && !response.redirected && (response.headers.get("content-type") || "").includes("text/html");

async function putPage(url, response) {
  const cache = await caches.open(PAGES);
  await cache.put("/__last-log-page", response.clone());
  await cache.put(url.origin + url.pathname, response);
}

async function offlinePage(url) {
  const cache = await caches.open(PAGES);
  const exact = await cache.match(url.origin + url.pathname);
  if (exact) return exact;
  const last = await cache.match("/__last-log-page");
  if (last) return last;
  return new Response(
    '<!doctype html><html lang="en"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Backplan</title>' +
      '<body style="font-family:system-ui,sans-serif;padding:2rem;max-width:30rem;margin:auto"><h1>You are offline</h1>' +
      "<p>Open the Log page once while online and it will work offline from then on.</p></body></html>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}

async function navigate(request) {
  const url = new URL(request.url);
  try {
    const response = await fetch(request);
    if (isCacheablePage(url, response)) await putPage(url, response.clone());
    return response;
  } catch {
    return offlinePage(url);
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  const fresh = fetch(request)
    .then(async (response) => {
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })
    .catch(() => hit);
  return hit || fresh;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    if (url.pathname.startsWith("/signin")) {
      event.waitUntil(caches.delete(PAGES));
      return;
    }
    event.respondWith(navigate(request));
    return;
  }
  if (request.headers.get("RSC") || url.searchParams.has("_rsc")) return;
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest") {
    event.respondWith(staleWhileRevalidate(request));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "warm") return;
  event.waitUntil(
    (async () => {
      const assets = await caches.open(ASSETS);
      for (const href of data.assets || []) {
        const url = new URL(href, self.location.origin);
        if (url.origin !== self.location.origin || !url.pathname.startsWith("/_next/static/")) continue;
        if (!(await assets.match(url.href))) {
          try {
            const response = await fetch(url.href);
            if (response.ok) await assets.put(url.href, response);
          } catch {
            // Offline right now: it is cached the next time it loads.
          }
        }
      }
      if (data.page) {
        const url = new URL(data.page, self.location.origin);
        try {
          const response = await fetch(url.origin + url.pathname, { credentials: "same-origin" });
          if (isCacheablePage(url, response)) await putPage(url, response);
        } catch {
          // Offline: keep what is cached.
        }
      }
    })(),
  );
});
