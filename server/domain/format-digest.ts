/**
 * The weekly digest email (plain text): the scoreboard, who is off pace, the wins and — a closed review's — the coming
 * week's commitments. `kind: "digest"` is the weekly digest of a branch (no review held: no commitments section);
 * `day` formats calendar days for the reader (server/mail/format.ts), ISO days without it.
 */
import { formatAmount } from "@/server/domain/money";
import { paceNoteText } from "@/server/domain/pace";
import { reviewWeekName } from "@/server/domain/review-week";
import type { ReviewSnapshot } from "./review-snapshot";

const STATUS_WORD = { ahead: "ahead", on_track: "on track", at_risk: "at risk", behind: "behind" } as const;

export function formatDigest(
  s: ReviewSnapshot,
  opts: {
    teamName: string;
    currency: string;
    locale?: string;
    kind?: "review" | "digest";
    day?: (iso: string) => string;
  },
) {
  const day = opts.day ?? ((iso: string) => iso);
  // Whole units, as the dashboard and the review screens show them (minor units of the team currency).
  const f = (n: number) => formatAmount(n, s.goal.unit, opts.currency, opts.locale, { wholeUnits: true });
  const b = s.scoreboard;
  // Reviews stored before the period was kept were of last week, as of its end.
  const period = s.period ?? { ...s.week, asOf: s.week.to };
  const underWay = period.asOf < period.to;
  const week = reviewWeekName(s.weekKind ?? "last", underWay, day(s.week.from));
  const digest = opts.kind === "digest";
  const lines = [
    `${digest ? "Weekly digest" : "Weekly review"} of ${s.root.name}'s team — ${opts.teamName}, week of ${day(s.week.from)}`,
    ``,
    `SCOREBOARD — ${s.goal.name} (${s.goal.metricName})`,
    `${week}: ${f(b.weekActual)} of ${f(b.weekTarget)} planned${underWay && b.weekExpected !== undefined ? `, ${f(b.weekExpected)} due so far` : ""} (${STATUS_WORD[b.weekStatus]})`,
    `Goal to date: ${f(b.goalActual)} of ${f(b.goalExpected)} expected by now, ${f(b.goalShare)} by ${day(s.goal.deadline)} (${STATUS_WORD[b.goalStatus]})`,
    b.forecast === null ? `Forecast: not enough history yet` : `Forecast at the deadline: ${f(b.forecast)}`,
    ...(b.note ? [paceNoteText({ note: b.note, status: b.goalStatus })] : []),
    b.catchUpPerWeek > 0
      ? `To finish on target: ${f(b.catchUpPerWeek)} per week${b.catchUpPerDay ? ` (${f(b.catchUpPerDay)} per open day)` : ""}`
      : `No catch-up needed`,
    `Members on pace: ${b.onPace}, off pace: ${b.offPace}`,
    ``,
    `OFF PACE`,
    ...(s.offPace.length
      ? s.offPace
          .slice(0, 20)
          .map(
            (m) =>
              `- ${m.name}: ${STATUS_WORD[m.status]}${m.catchUpPerWeek > 0 ? `, ${f(m.catchUpPerWeek)} per week to finish on target` : ""}`,
          )
      : ["- nobody"]),
    ``,
    `WINS OF THE WEEK`,
    ...(s.wins.length ? s.wins.map((w) => `- ${w.name}: ${w.title}`) : ["- none recorded"]),
    ...(digest
      ? []
      : [
          ``,
          `COMMITMENTS FOR THE COMING WEEK, FROM ${day(s.nextWeekStart)}`,
          ...(s.commitments?.length
            ? s.commitments.map((c) => `- ${c.name}: ${c.text}${c.amount !== null ? ` (${f(c.amount)})` : ""}`)
            : ["- none entered"]),
        ]),
  ];
  return { subject: `Weekly review — ${s.goal.name}, week of ${day(s.week.from)}`, text: lines.join("\n") };
}
