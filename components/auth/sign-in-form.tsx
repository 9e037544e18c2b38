"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ZSignInInput } from "@/server/schemas/auth";
import { ZEmail } from "@/server/schemas/common";

type Values = z.input<typeof ZSignInInput>;

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const form = useForm<Values>({ resolver: zodResolver(ZSignInInput), defaultValues: { email: "", password: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false, callbackUrl });
    if (result?.error === "RATE_LIMITED") {
      setError("Too many sign-in attempts. Wait a few minutes and try again, or use an email link.");
      return;
    }
    if (!result || result.error) {
      setError("That email and password do not match an account. Check them, or use an email link.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in with password">
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        {...form.register("email")}
        error={form.formState.errors.email?.message}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        {...form.register("password")}
        error={form.formState.errors.password?.message}
      />
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" busy={form.formState.isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}

export function MagicLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, setState] = useState<"idle" | "sending" | "sent" | "error">("idle");
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string>();

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = ZEmail.safeParse(email);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return;
    }
    setFieldError(undefined);
    setState("sending");
    const result = await signIn("email", { email: parsed.data, redirect: false, callbackUrl });
    setState(result?.error ? "error" : "sent");
  }

  if (state === "sent") {
    return (
      <p role="status" className="bg-brand-50 rounded-lg p-3 text-sm text-slate-900">
        If an account can use that address, a sign-in link is on its way. It works once, for 15 minutes.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Sign in with an email link">
      <TextField
        label="Email me a sign-in link"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={fieldError}
      />
      {state === "error" && (
        <p role="alert" className="text-sm font-medium text-red-700">
          We could not send the link just now. Please try again in a minute.
        </p>
      )}
      <Button type="submit" variant="secondary" className="w-full" busy={state === "sending"}>
        Send link
      </Button>
    </form>
  );
}

export function DemoAccountButton({
  email,
  password,
  label,
  name,
  callbackUrl,
}: {
  email: string;
  password: string;
  label: string;
  name: string;
  callbackUrl: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      className="w-full justify-between py-2 text-left"
      busy={busy}
      onClick={async () => {
        setBusy(true);
        const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
        setBusy(false);
        if (!result?.error) {
          router.push(callbackUrl);
          router.refresh();
        }
      }}
    >
      <span>Sign in as {name}</span>
      <span className="text-right text-sm font-normal text-slate-600">{label}</span>
    </Button>
  );
}
