"use client";
/**
 * Registers the service worker (app/serwist/sw.ts, served at /serwist/sw.js) from the Log page and asks it to cache
 * this page and the scripts it already loaded (serwist's CACHE_URLS message), so the next visit works offline.
 * Production only (the dev server's assets change constantly). NODE_ENV is read as Next's build-time constant here
 * (a client component), not through env.ts.
 */
import { useEffect } from "react";
import { whenIdle } from "@/components/ui/when-idle";

const SERVICE_WORKER_URL = "/serwist/sw.js";

export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    // After the page is interactive: installing the worker fetches and caches, which the first paint does not need.
    const cancelIdle = whenIdle(() => {
      navigator.serviceWorker
        .register(SERVICE_WORKER_URL, { scope: "/" })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => {
          if (cancelled) return;
          const assets = performance
            .getEntriesByType("resource")
            .map((entry) => entry.name)
            .filter((name) => name.startsWith(`${location.origin}/_next/static/`));
          for (const el of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
            "script[src], link[rel=stylesheet][href]",
          )) {
            const href = "src" in el && el.src ? el.src : (el as HTMLLinkElement).href;
            if (href.startsWith(`${location.origin}/_next/static/`)) assets.push(href);
          }
          const page = location.origin + location.pathname;
          registration.active?.postMessage({
            type: "CACHE_URLS",
            payload: { urlsToCache: [page, ...new Set(assets)] },
          });
        })
        .catch((error: unknown) => console.warn("[log] service worker not registered", error));
    });
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, []);
  return null;
}
