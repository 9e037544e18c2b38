"use client";
/**
 * Opened from the link mailed to a new address (a change asked for on the profile): one deliberate click applies it
 * (a mail scanner opening the link changes nothing). Then every session has ended: sign in with the new address.
 */
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

export function ConfirmEmailChange({ token }: { token: string }) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.auth.confirmEmailChange.mutationOptions());
  const link = "text-brand-700 font-medium underline underline-offset-2";
  if (confirm.data?.changed) {
    return (
      <div role="status" className="space-y-3">
        <p className="font-medium break-words text-slate-900">
          Your account&apos;s address is now {confirm.data.email}. You were signed out everywhere: sign in with the new
          address.
        </p>
        <Link href="/signin" className={link}>
          Sign in
        </Link>
      </div>
    );
  }
  const failed =
    confirm.data && !confirm.data.changed
      ? confirm.data.message
      : confirm.isError
        ? "This link is not valid. Ask for the change again from your profile."
        : null;
  return (
    <div className="space-y-3">
      <p className="text-slate-700">
        Someone asked to use this address for their Backplan account. If it was you, confirm it: the account&apos;s old
        address stops working for signing in.
      </p>
      {failed && (
        <p role="alert" className="font-medium text-red-800">
          {failed}
        </p>
      )}
      <Button busy={confirm.isPending} disabled={!token || Boolean(failed)} onClick={() => confirm.mutate({ token })}>
        Use this address
      </Button>
    </div>
  );
}
