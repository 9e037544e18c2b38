/**
 * The daily "time to log" reminder: today's plan (the member's actions for today, as the Log and My plan compute
 * them — else their main goal's catch-up), how many follow-ups from their names list are due, and the Log link.
 * Amounts arrive formatted (server/domain/money.ts, the member's locale and the team's currency).
 */
import { Button, Text } from "@react-email/components";
import { EmailLayout, footerText, styles, type MailFooter } from "./layout";

export interface DailyReminderProps {
  firstName: string;
  teamName: string;
  /** "Tuesday 24 November". */
  dayLabel: string;
  logUrl: string;
  /** Today's planned actions, e.g. { name: "Calls", amount: "5" }; empty when nothing is planned. */
  actions: { name: string; amount: string }[];
  /** When no action is planned for today: the main goal's catch-up ("2 calls a day to finish on target"). */
  catchUp: string | null;
  /** Follow-ups due today or overdue on the names list. */
  followUps: number;
  peopleUrl: string;
  footer: MailFooter;
}

export const reminderSubject = (p: Pick<DailyReminderProps, "teamName">) => `Time to log today (${p.teamName})`;

const followUpLine = (n: number) =>
  n === 1 ? "1 follow-up from your names list is due today." : `${n} follow-ups from your names list are due today.`;

export function DailyReminder(p: DailyReminderProps) {
  return (
    <EmailLayout
      preview={`You haven't logged anything for ${p.teamName} today yet.`}
      heading={`Hi ${p.firstName}, time to log today`}
      footer={p.footer}
    >
      <Text style={styles.text}>
        You haven&apos;t logged anything for {p.teamName} today ({p.dayLabel}) yet. It takes a few seconds.
      </Text>
      {p.actions.length > 0 && (
        <>
          <Text style={styles.h2}>Today&apos;s plan</Text>
          <ul style={styles.list}>
            {p.actions.map((a) => (
              <li key={a.name}>
                {a.name}: <strong>{a.amount}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.actions.length === 0 && p.catchUp && <Text style={styles.text}>To finish on target: {p.catchUp}.</Text>}
      {p.followUps > 0 && (
        <Text style={styles.text}>
          <a href={p.peopleUrl}>{followUpLine(p.followUps)}</a>
        </Text>
      )}
      <Text style={{ margin: "16px 0 8px" }}>
        <Button href={p.logUrl} style={styles.button}>
          Open the Log
        </Button>
      </Text>
      <Text style={styles.small}>
        Or open this link: <a href={p.logUrl}>{p.logUrl}</a>
      </Text>
    </EmailLayout>
  );
}

export function dailyReminderText(p: DailyReminderProps): string {
  const lines = [
    `Hi ${p.firstName},`,
    "",
    `You haven't logged anything for ${p.teamName} today (${p.dayLabel}) yet. It takes a few seconds:`,
    p.logUrl,
  ];
  if (p.actions.length > 0) lines.push("", "TODAY'S PLAN", ...p.actions.map((a) => `- ${a.name}: ${a.amount}`));
  else if (p.catchUp) lines.push("", `To finish on target: ${p.catchUp}.`);
  if (p.followUps > 0) lines.push("", `${followUpLine(p.followUps)} ${p.peopleUrl}`);
  lines.push("", footerText(p.footer));
  return lines.join("\n");
}
