import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/components/auth/safe-callback";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";
import { getSessionUser } from "@/server/auth";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, "/teams");
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <Card className="space-y-6">
      <h1 className="text-xl font-semibold">Create your account</h1>
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="text-center text-sm text-slate-700">
        Already have an account?{" "}
        <Link
          className="text-brand-700 font-medium underline"
          href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          Sign in
        </Link>
      </p>
    </Card>
  );
}
