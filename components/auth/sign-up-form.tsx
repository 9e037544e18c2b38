"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
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
  const router = useRouter();
  const trpc = useTRPC();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(ZSignUpInput),
    defaultValues: { name: "", email: "", password: "" },
  });
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await signUp.mutateAsync(values);
    } catch (error) {
      const { fields, message } = formErrorsFrom(error);
      for (const [name, text] of Object.entries(fields)) form.setError(name as keyof Values, { message: text });
      setMessage(message);
      return;
    }
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (result?.error) {
      setMessage("Your account was created, but signing in failed. Please sign in.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  });

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
