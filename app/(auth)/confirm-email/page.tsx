import type { Metadata } from "next";
import { ConfirmEmailChange } from "@/components/auth/confirm-email-change";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Confirm your new email", robots: { index: false, follow: false } };

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const params = await searchParams;
  return (
    <Card className="space-y-4">
      <h1 className="text-xl font-semibold">Confirm your new email</h1>
      <ConfirmEmailChange token={params.token ?? ""} />
    </Card>
  );
}
