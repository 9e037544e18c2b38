/**
 * The weekly digest of a branch, to its upline: the scoreboard (the week and the goal to date, the dashboard's
 * roll-up numbers and pace words), who is off pace with their catch-up, the wins of the week, proposals waiting and —
 * when a review was closed — the commitments for the coming week. Sent every week by the digest job
 * (server/services/email/send-weekly-digests.ts) and when a review is closed (close-review.ts), from the same
 * `ReviewSnapshot` shape. The text part is `formatDigest` (server/domain/format-digest.ts) with the same numbers.
 */
import { Button, Text } from "@react-email/components";
import { formatAmount } from "@/server/domain/money";
import { paceNoteText } from "@/server/domain/pace";
import type { ReviewSnapshot } from "@/server/domain/review-snapshot";
import { reviewWeekName } from "@/server/domain/review-week";
import { formatMailDay } from "@/server/mail/format";
import { EmailLayout, footerText, styles, type MailFooter } from "./layout";

const STATUS_WORD = { ahead: "ahead", on_track: "on track", at_risk: "at risk", behind: "behind" } as const;
const STATUS_MARK = { ahead: "▲", on_track: "●", at_risk: "◆", behind: "▼" } as const;

export interface WeeklyDigestProps {
  greetingName: string;
  teamName: string;
  snapshot: ReviewSnapshot;
  locale: string;
  currency: string;
  /** Pending target proposals from the branch (null: not counted, e.g. a closed review's digest). */
  proposalsWaiting: number | null;
  dashboardUrl: string;
  proposalsUrl: string;
  footer: MailFooter;
}

export function weeklyDigestSubject(s: ReviewSnapshot, locale: string): string {
  return `Weekly digest — ${s.root.name}'s branch, ${s.goal.name}, week of ${formatMailDay(s.week.from, locale)}`;
}

const proposalsLine = (n: number) =>
  n === 1 ? "1 target proposal waits for a decision." : `${n} target proposals wait for a decision.`;

export function WeeklyDigest(p: WeeklyDigestProps) {
  const s = p.snapshot;
  const f = (n: number) => formatAmount(n, s.goal.unit, p.currency, p.locale, { wholeUnits: true });
  const b = s.scoreboard;
  const period = s.period ?? { ...s.week, asOf: s.week.to };
  const underWay = period.asOf < period.to;
  const week = reviewWeekName(s.weekKind ?? "last", underWay, formatMailDay(s.week.from, p.locale));
  const status = (st: keyof typeof STATUS_WORD) => `${STATUS_MARK[st]} ${STATUS_WORD[st]}`;
  return (
    <EmailLayout
      preview={`${week}: ${f(b.weekActual)} of ${f(b.weekTarget)} planned (${STATUS_WORD[b.weekStatus]})`}
      heading={`${s.root.name}'s branch — ${p.teamName}`}
      footer={p.footer}
    >
      <Text style={styles.text}>Hello {p.greetingName},</Text>
      <Text style={styles.text}>
        Week of {formatMailDay(s.week.from, p.locale)} — {s.goal.name} ({s.goal.metricName}).
      </Text>
      <Text style={styles.h2}>Scoreboard</Text>
      <ul style={styles.list}>
        <li>
          {week}: <strong>{f(b.weekActual)}</strong> of {f(b.weekTarget)} planned
          {underWay && b.weekExpected !== undefined ? `, ${f(b.weekExpected)} due so far` : ""} — {status(b.weekStatus)}
        </li>
        <li>
          Goal to date: <strong>{f(b.goalActual)}</strong> of {f(b.goalExpected)} expected by now, {f(b.goalShare)} by{" "}
          {formatMailDay(s.goal.deadline, p.locale, true)} — {status(b.goalStatus)}
        </li>
        <li>
          {b.forecast === null ? "Forecast: not enough history yet" : `Forecast at the deadline: ${f(b.forecast)}`}
        </li>
        {b.note && <li>{paceNoteText({ note: b.note, status: b.goalStatus })}</li>}
        <li>
          {b.catchUpPerWeek > 0
            ? `To finish on target: ${f(b.catchUpPerWeek)} per week${b.catchUpPerDay ? ` (${f(b.catchUpPerDay)} per open day)` : ""}`
            : "No catch-up needed"}
        </li>
        <li>
          Members on pace: {b.onPace}, off pace: {b.offPace}
        </li>
      </ul>
      <Text style={styles.h2}>Off pace</Text>
      {s.offPace.length ? (
        <ul style={styles.list}>
          {s.offPace.slice(0, 20).map((m) => (
            <li key={m.id}>
              {m.name}: {status(m.status)}
              {m.catchUpPerWeek > 0 ? `, ${f(m.catchUpPerWeek)} per week to finish on target` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <Text style={styles.text}>Nobody.</Text>
      )}
      <Text style={styles.h2}>Wins of the week</Text>
      {s.wins.length ? (
        <ul style={styles.list}>
          {s.wins.map((w) => (
            <li key={w.id}>
              {w.name}: {w.title}
            </li>
          ))}
        </ul>
      ) : (
        <Text style={styles.text}>None recorded.</Text>
      )}
      {p.proposalsWaiting !== null && p.proposalsWaiting > 0 && (
        <>
          <Text style={styles.h2}>Waiting for you</Text>
          <Text style={styles.text}>
            <a href={p.proposalsUrl}>{proposalsLine(p.proposalsWaiting)}</a>
          </Text>
        </>
      )}
      {s.commitments && (
        <>
          <Text style={styles.h2}>Commitments for the week of {formatMailDay(s.nextWeekStart, p.locale)}</Text>
          {s.commitments.length ? (
            <ul style={styles.list}>
              {s.commitments.map((c) => (
                <li key={c.memberId}>
                  {c.name}: {c.text}
                  {c.amount !== null ? ` (${f(c.amount)})` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <Text style={styles.text}>None entered.</Text>
          )}
        </>
      )}
      <Text style={{ margin: "16px 0 8px" }}>
        <Button href={p.dashboardUrl} style={styles.button}>
          Open the dashboard
        </Button>
      </Text>
    </EmailLayout>
  );
}

/** The text part: greeting, `formatDigest`'s text (passed in, same numbers), proposals, the link and the footer. */
export function weeklyDigestText(p: WeeklyDigestProps, digestText: string): string {
  const lines = [`Hello ${p.greetingName},`, "", digestText];
  if (p.proposalsWaiting) lines.push("", "WAITING FOR YOU", `- ${proposalsLine(p.proposalsWaiting)} ${p.proposalsUrl}`);
  lines.push("", `Open the dashboard: ${p.dashboardUrl}`, "", footerText(p.footer));
  return lines.join("\n");
}
