"use client";
/**
 * Password reset: without a token, ask for a link by email (the answer never says whether the address has an
 * account); with the token from that email, choose a new password — every other session ends, and this browser
 * signs in with the new password.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { ZPassword, ZRequestPasswordResetInput } from "@/server/schemas/auth";
import { useTRPC } from "@/trpc/react";

export function RequestResetForm() {
  const trpc = useTRPC();
  const [answer, setAnswer] = useState<string | null>(null);
  const form = useForm<z.input<typeof ZRequestPasswordResetInput>>({
    resolver: zodResolver(ZRequestPasswordResetInput),
    defaultValues: { email: "" },
  });
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      setAnswer((await request.mutateAsync(values)).message);
    } catch (error) {
      setServerErrors(error, form.setError, ["email"]);
    }
  });
  if (answer) {
    return (
      <p role="status" className="text-slate-800">
        {answer}
      </p>
    );
  }
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Reset your password">
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        {...form.register("email")}
        error={errors.email?.message}
      />
      <FormAlert message={errors.root?.server?.message} />
      <Button type="submit" className="w-full" busy={isSubmitting}>
        Email me a link
      </Button>
    </form>
  );
}

const ZNewPassword = z.object({ password: ZPassword });

export function NewPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm<z.input<typeof ZNewPassword>>({
    resolver: zodResolver(ZNewPassword),
    defaultValues: { password: "" },
  });
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await reset.mutateAsync({ token, password: values.password });
      if (!result.ok) {
        form.setError("root.server", { message: result.message });
        return;
      }
      const signedIn = await signIn("credentials", { email: result.email, password: values.password, redirect: false });
      router.push(signedIn?.error ? "/signin" : "/teams");
      router.refresh();
    } catch (error) {
      setServerErrors(error, form.setError, ["password"]);
    }
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Choose a new password">
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. You will be signed out everywhere else."
        {...form.register("password")}
        error={errors.password?.message}
      />
      <FormAlert message={errors.root?.server?.message} />
      <Button type="submit" className="w-full" busy={isSubmitting}>
        Set new password
      </Button>
    </form>
  );
}
