"use client";
/**
 * The account's address. A new address is applied only once the link mailed to it is opened; until then the old one
 * stays (for signing in and for mail), and the page says which address is waiting. The current password is asked
 * when the account has one.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { MailCheck } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormStatus } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZRequestEmailChangeInput } from "@/server/schemas/profile";
import { useTRPC } from "@/trpc/react";
import type { Profile } from "./types";

type In = z.input<typeof ZRequestEmailChangeInput>;
type Out = z.output<typeof ZRequestEmailChangeInput>;

export function EmailForm({ profile, onSaved }: { profile: Profile; onSaved: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(ZRequestEmailChangeInput),
    defaultValues: { newEmail: "", currentPassword: "" },
  });
  const request = useMutation(trpc.auth.requestEmailChange.mutationOptions());
  const cancel = useMutation(
    trpc.auth.cancelEmailChange.mutationOptions({
      onSuccess: async () => {
        await onSaved();
        setDone(`Change cancelled. Your address stays ${profile.email}.`);
      },
    }),
  );
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    if (profile.hasPassword && !values.currentPassword) {
      form.setError("currentPassword", { message: "Enter your current password" }, { shouldFocus: true });
      return;
    }
    try {
      const r = await request.mutateAsync({
        newEmail: values.newEmail,
        ...(profile.hasPassword ? { currentPassword: values.currentPassword } : {}),
      });
      await onSaved();
      form.reset();
      setDone(`Check ${r.pending.email}: open the link we sent to use it. Until then you sign in with ${r.email}.`);
    } catch (error) {
      setServerErrors(error, form.setError, ["newEmail", "currentPassword"]);
    }
  });
  const { errors, isSubmitting } = form.formState;
  const pending = profile.pendingEmail;
  return (
    <div className="space-y-3">
      <p className="break-words text-slate-800">
        Your address: <strong className="font-semibold">{profile.email}</strong>
        {profile.verified ? " (confirmed)" : " (not confirmed yet)"}
      </p>
      {pending && (
        <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="flex items-start gap-2 break-words">
            <MailCheck aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              <strong className="font-semibold">Waiting for confirmation:</strong> open the link we sent to{" "}
              {pending.email}. Until then your address stays {profile.email}.
            </span>
          </p>
          <Button variant="secondary" size="sm" busy={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel the change
          </Button>
        </div>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Change your email address" className="space-y-3">
        <TextField
          label="New email address"
          type="email"
          autoComplete="email"
          {...form.register("newEmail")}
          error={errors.newEmail?.message}
        />
        {profile.hasPassword && (
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            hint="To make sure it is you."
            {...form.register("currentPassword")}
            error={errors.currentPassword?.message}
          />
        )}
        <FormAlert message={errors.root?.server?.message} />
        <Button type="submit" busy={isSubmitting}>
          Send confirmation link
        </Button>
      </form>
      <FormStatus message={done} breakWords />
    </div>
  );
}
