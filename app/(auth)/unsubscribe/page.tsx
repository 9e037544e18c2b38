/**
 * The page behind an email's unsubscribe link (public: the signed token is the permission). It says what the link
 * turns off and asks with one button (a plain form POST to /api/unsubscribe: works without JavaScript; opening the
 * page never changes anything, since link scanners open every link), then says where to turn it back on: the
 * notification settings of the profile. A bad token says so and changes nothing.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormAlert, FormStatus } from "@/components/ui/form-alert";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { describeUnsubscribe, type UnsubscribeTarget } from "@/server/services/email/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

const SLUG = /^[a-z0-9-]{1,80}$/;

export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; team?: string; done?: string }>;
}) {
  const params = await searchParams;
  const token = params.token ?? "";
  const team = params.team && SLUG.test(params.team) ? params.team : null;
  const settingsHref = team ? `/${team}/profile#notifications` : "/teams";
  let target: UnsubscribeTarget | null = null;
  let problem: string | null = null;
  try {
    target = await describeUnsubscribe(db, { token });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }

  return (
    <Card className="space-y-4">
      <h1 className="text-xl font-semibold">Unsubscribe</h1>
      {problem || !target ? (
        <FormAlert message={problem ?? "This unsubscribe link is not valid."} />
      ) : params.done === "1" || !target.enabled ? (
        <>
          <FormStatus message={`Done: you no longer get “${target.label}” by email.`} breakWords />
          <p className="text-sm text-slate-700">
            Your other emails and in-app notifications stay as they are. To get this email again, turn it back on in
            your profile&apos;s notification settings.
          </p>
        </>
      ) : (
        <form method="post" action="/api/unsubscribe" className="space-y-4">
          <p className="break-words text-slate-800">
            Stop emailing me <strong>“{target.label}”</strong>?
          </p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="source" value="page" />
          {team && <input type="hidden" name="team" value={team} />}
          <Button type="submit" className="w-full">
            Unsubscribe from this email
          </Button>
          <p className="text-sm text-slate-700">
            Only this kind of email stops. You can turn it back on at any time in your profile&apos;s notification
            settings.
          </p>
        </form>
      )}
      <p className="text-sm">
        <Link href={settingsHref} className="text-brand-700 font-medium underline underline-offset-2">
          {team ? "Your notification settings" : "Your teams (open a team, then your profile)"}
        </Link>
      </p>
    </Card>
  );
}
