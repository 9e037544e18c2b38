import type { Metadata } from "next";
import { safeCallbackUrl } from "@/components/auth/safe-callback";
import { VerifyEmail } from "@/components/auth/verify-email";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Confirm your email", robots: { index: false, follow: false } };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; callbackUrl?: string }>;
}) {
  const params = await searchParams;
  return (
    <Card className="space-y-4">
      <h1 className="text-xl font-semibold">Confirm your email</h1>
      <VerifyEmail token={params.token ?? ""} callbackUrl={safeCallbackUrl(params.callbackUrl, "/teams")} />
    </Card>
  );
}
