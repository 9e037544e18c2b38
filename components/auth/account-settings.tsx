"use client";
/**
 * The account on the teams page: change the password (the current one required; every other session ends, this
 * browser signs in again with the new one) and sign out everywhere (every session, on every device).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signIn, signOut } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert, FormStatus } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZChangePasswordInput } from "@/server/schemas/auth";
import { useTRPC } from "@/trpc/react";

type Values = z.input<typeof ZChangePasswordInput>;

export function AccountSettings({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const trpc = useTRPC();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(ZChangePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const everywhere = useMutation(
    trpc.auth.signOutEverywhere.mutationOptions({ onSuccess: () => void signOut({ callbackUrl: "/signin" }) }),
  );
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    try {
      await change.mutateAsync(values);
      const again = await signIn("credentials", { email, password: values.newPassword, redirect: false });
      form.reset();
      setDone(
        again?.error ? "Password changed. Please sign in again." : "Password changed. Other devices are signed out.",
      );
    } catch (error) {
      setServerErrors(error, form.setError, ["currentPassword", "newPassword"]);
    }
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <div className="space-y-6">
      {hasPassword && (
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Change your password">
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            {...form.register("currentPassword")}
            error={errors.currentPassword?.message}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters."
            {...form.register("newPassword")}
            error={errors.newPassword?.message}
          />
          <FormAlert message={errors.root?.server?.message} />
          <FormStatus message={done} />
          <Button type="submit" busy={isSubmitting}>
            Change password
          </Button>
        </form>
      )}
      <div className="space-y-2 border-t border-slate-200 pt-4">
        <p className="text-slate-700">Lost a phone, or signed in somewhere you should not have?</p>
        <Button variant="secondary" busy={everywhere.isPending} onClick={() => everywhere.mutate()}>
          Sign out everywhere
        </Button>
      </div>
    </div>
  );
}
