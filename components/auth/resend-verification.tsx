"use client";
/** "Send the link again": a new verification email for the signed-in, unverified account. */
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

export function ResendVerification({ callbackUrl }: { callbackUrl?: string }) {
  const trpc = useTRPC();
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions());
  return (
    <div className="space-y-2">
      <Button variant="secondary" busy={resend.isPending} onClick={() => resend.mutate({ callbackUrl })}>
        Send the link again
      </Button>
      <p aria-live="polite" className="text-sm text-slate-700">
        {resend.data?.sent
          ? "A new link is on its way. Check your email."
          : resend.data?.alreadyVerified
            ? "Your email is already confirmed. Reload the page."
            : resend.error
              ? resend.error.message
              : null}
      </p>
    </div>
  );
}
