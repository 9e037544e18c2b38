"use client";
/**
 * A search parameter as a page's state (`?person=`, `?root=`): the value follows the URL, so a link, a reload and
 * the browser's Back and Forward open and close what it names. Setting it pushes a history entry (Next.js syncs
 * useSearchParams with the native History API: no server round trip); clearing it goes Back when this page pushed
 * it (so Back never reopens it), else removes it in place.
 */
import { useSearchParams } from "next/navigation";
import { useCallback, useRef } from "react";

export function useUrlParam(name: string): [string | null, (value: string | null) => void] {
  const value = useSearchParams().get(name);
  const pushed = useRef(false);
  const set = useCallback(
    (next: string | null) => {
      const url = new URL(window.location.href);
      if (next !== null) {
        url.searchParams.set(name, next);
        window.history.pushState(null, "", url);
        pushed.current = true;
      } else if (pushed.current) {
        pushed.current = false;
        window.history.back();
      } else {
        url.searchParams.delete(name);
        window.history.replaceState(null, "", url);
      }
    },
    [name],
  );
  return [value, set];
}
