"use client";
/** Opened from the verification email: confirms the address once, then offers to sign in (and go on). */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/trpc/react";

export function VerifyEmail({ token, callbackUrl }: { token: string; callbackUrl: string }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions());
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    verify.mutate({ token });
  }, [token, verify]);

  const signIn = `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  const link = "text-brand-700 font-medium underline underline-offset-2";
  if (verify.isPending || verify.isIdle) return <p aria-live="polite">Confirming your email…</p>;
  if (verify.isError || (verify.data && !verify.data.verified)) {
    const message =
      verify.data && !verify.data.verified ? verify.data.message : "This link is not valid. Ask for a new one.";
    return (
      <div className="space-y-3">
        <p role="alert" className="font-medium text-red-800">
          {message}
        </p>
        <Link href={signIn} className={link}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <div role="status" className="space-y-3">
      <p className="font-medium text-slate-900">Your email is confirmed. You can join teams now.</p>
      <Link href={signIn} className={link}>
        Sign in to continue
      </Link>
    </div>
  );
}
