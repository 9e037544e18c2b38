import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <Card className="space-y-4">
      <h1 className="text-xl font-semibold">Check your email</h1>
      <p className="text-slate-700">
        If an account can use that address, a sign-in link is on its way. It works once, for 15 minutes.
      </p>
      <Link href="/signin" className="text-brand-700 font-medium underline">
        Back to sign in
      </Link>
    </Card>
  );
}
