"use client";
/**
 * A team's old address (its slug before a rename): the layout cannot read the rest of the URL on the server, so the
 * browser swaps the old slug for the current one and keeps the rest of the path, the query and the #fragment. The
 * link is there before the script runs (and if it never does).
 */
import Link from "next/link";
import { useEffect } from "react";
import { movedPath } from "./moved-path";

export function SlugRedirect({ from, to }: { from: string; to: string }) {
  useEffect(() => {
    const { pathname, search, hash } = window.location;
    window.location.replace(`${movedPath(pathname, from, to)}${search}${hash}`);
  }, [from, to]);
  return (
    <main id="main" className="mx-auto max-w-md p-6 text-center">
      <h1 className="text-2xl font-semibold">This team has a new address</h1>
      <p className="mt-2 text-slate-700">
        <Link href={`/${to}`} className="text-brand-700 underline">
          Go to /{to}
        </Link>
      </p>
    </main>
  );
}
