/**
 * Runs work the first paint does not need (loading the toaster, IndexedDB, the service worker) once the browser is
 * idle, at the latest after `timeout` ms, so it does not lengthen the tasks that make the page interactive.
 * Returns a cancel function (for effects).
 */
export function whenIdle(work: () => void, timeout = 2000): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 200);
  return () => window.clearTimeout(id);
}
