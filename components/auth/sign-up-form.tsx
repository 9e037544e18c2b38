"use client";
/**
 * Password sign-up. The answer is always "check your email" (server/services/auth/sign-up.ts): a new address gets
 * a verification link, an address that has an account gets a note to its owner. Nobody is signed in here; the
 * verification link leads to the sign-in page (and on to `callbackUrl`, e.g. an invite link).
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { MailCheck } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formErrorsFrom } from "@/components/ui/form-error";
import { ZSignUpInput } from "@/server/schemas/auth";
import { useTRPC } from "@/trpc/react";

type Values = z.input<typeof ZSignUpInput>;

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const [sent, setSent] = useState<{ email: string; message: string } | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(ZSignUpInput),
    defaultValues: { name: "", email: "", password: "" },
  });
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const answer = await signUp.mutateAsync({ ...values, callbackUrl });
      setSent({ email: values.email.trim().toLowerCase(), message: answer.message });
    } catch (error) {
      const { fields, message } = formErrorsFrom(error);
      for (const [name, text] of Object.entries(fields)) form.setError(name as keyof Values, { message: text });
      setMessage(message);
    }
  });

  if (sent) {
    return (
      <div role="status" className="space-y-3">
        <h2 className="flex items-center gap-2 text-lg font-semibold">
          <MailCheck aria-hidden className="text-brand-700 size-6" /> Check your email
        </h2>
        <p className="break-words text-slate-800">
          {sent.message} We sent it to <strong className="font-semibold">{sent.email}</strong>.
        </p>
        <p className="text-sm text-slate-700">Open the link, then sign in with your password.</p>
      </div>
    );
  }

  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create an account">
      <TextField label="Your name" autoComplete="name" {...form.register("name")} error={errors.name?.message} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        {...form.register("email")}
        error={errors.email?.message}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        {...form.register("password")}
        error={errors.password?.message}
      />
      {message && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {message}
        </p>
      )}
      <Button type="submit" className="w-full" busy={isSubmitting}>
        Create account
      </Button>
    </form>
  );
}
