/**
 * The one frame of every Backplan email (react-email): the name at the top, a heading, the content, and a footer
 * saying why the mail came and — for the mails one can turn off — the one-click unsubscribe link and where to change
 * the setting. Inline styles only (mail clients drop <style>); one column, readable at phone width.
 */
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export const colors = { brand: "#1d4ed8", text: "#0f172a", muted: "#475569", line: "#e2e8f0", bg: "#f8fafc" };

export const styles = {
  text: { color: colors.text, fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" },
  small: { color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" },
  h2: { color: colors.text, fontSize: "17px", fontWeight: 700, margin: "20px 0 8px" },
  button: {
    backgroundColor: colors.brand,
    borderRadius: "8px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "16px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  list: { color: colors.text, fontSize: "15px", lineHeight: "22px", margin: "0 0 12px", paddingLeft: "20px" },
} as const;

export interface MailFooter {
  /** Why this mail came ("You get this reminder because …"). */
  reason: string;
  /** One-click unsubscribe of this kind; absent for mails one cannot turn off (sign-in, invitations). */
  unsubscribeUrl?: string;
  /** Where the setting is changed (the profile's notification settings). */
  settingsUrl?: string;
}

export function EmailLayout(props: { preview: string; heading: string; footer: MailFooter; children: ReactNode }) {
  const { footer } = props;
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body
        style={{ backgroundColor: colors.bg, fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif" }}
      >
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "24px 16px" }}>
          <Text style={{ color: colors.brand, fontSize: "20px", fontWeight: 700, margin: "0 0 16px" }}>Backplan</Text>
          <Section
            style={{
              backgroundColor: "#ffffff",
              border: `1px solid ${colors.line}`,
              borderRadius: "12px",
              padding: "20px",
            }}
          >
            <Heading as="h1" style={{ color: colors.text, fontSize: "22px", lineHeight: "28px", margin: "0 0 16px" }}>
              {props.heading}
            </Heading>
            {props.children}
          </Section>
          <Hr style={{ borderColor: colors.line, margin: "20px 0 12px" }} />
          <Text style={styles.small}>{footer.reason}</Text>
          {footer.unsubscribeUrl && (
            <Text style={styles.small}>
              <Link href={footer.unsubscribeUrl} style={{ color: colors.muted, textDecoration: "underline" }}>
                Unsubscribe from this email
              </Link>
              {footer.settingsUrl && (
                <>
                  {" · "}
                  <Link href={footer.settingsUrl} style={{ color: colors.muted, textDecoration: "underline" }}>
                    Notification settings
                  </Link>
                </>
              )}
            </Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}

/** The plain-text footer matching `EmailLayout`'s. */
export function footerText(footer: MailFooter): string {
  const lines = ["—", footer.reason];
  if (footer.unsubscribeUrl) lines.push(`Unsubscribe from this email: ${footer.unsubscribeUrl}`);
  if (footer.settingsUrl) lines.push(`Notification settings: ${footer.settingsUrl}`);
  return lines.join("\n");
}
