"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect } from "react";

function signInHref(pathname: string, search: string): string {
  const callbackUrl = search ? `${pathname}?${search}` : pathname;
  return `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

function Redirect() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const href = signInHref(pathname, search);
  useEffect(() => {
    router.replace(href);
  }, [router, href]);
  return (
    <main className="mx-auto max-w-md p-6 text-center">
      <h1 className="text-xl font-semibold">Please sign in</h1>
      <p className="mt-2 text-slate-700">
        Taking you to the sign-in page… If nothing happens,{" "}
        <Link href={href} className="text-brand-700 font-medium underline">
          sign in here
        </Link>
        .
      </p>
    </main>
  );
}

/** Sends a signed-out visitor to /signin with the page they wanted as callbackUrl. */
export function SignInRedirect() {
  return (
    <Suspense fallback={null}>
      <Redirect />
    </Suspense>
  );
}
