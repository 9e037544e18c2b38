import type { Metadata } from "next";
import Link from "next/link";
import { NewPasswordForm, RequestResetForm } from "@/components/auth/reset-password-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <Card className="space-y-6">
      <h1 className="text-xl font-semibold">{token ? "Choose a new password" : "Reset your password"}</h1>
      {token ? <NewPasswordForm token={token} /> : <RequestResetForm />}
      <p className="text-center text-sm text-slate-700">
        <Link className="text-brand-700 font-medium underline" href="/signin">
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}
