/**
 * The account and invitation mails (verify, reset, already registered, change of address, invitation): a sentence,
 * one button and a note, in the common frame. The plain text keeps the form these mails always had
 * (`lead`, "label:", the link, `note`), which people and tests read links from.
 */
import { Button, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export interface LinkMailProps {
  heading: string;
  lead: string;
  /** The button; absent for a notice without a link. */
  link?: { label: string; url: string };
  note: string;
}

export function LinkMail(props: LinkMailProps) {
  return (
    <EmailLayout
      preview={props.lead}
      heading={props.heading}
      footer={{ reason: "Backplan sends this email only when someone acts on your account or invites you." }}
    >
      <Text style={styles.text}>{props.lead}</Text>
      {props.link && (
        <Text style={{ margin: "8px 0 16px" }}>
          <Button href={props.link.url} style={styles.button}>
            {props.link.label}
          </Button>
        </Text>
      )}
      {props.link && (
        <Text style={styles.small}>
          Or open this link: <a href={props.link.url}>{props.link.url}</a>
        </Text>
      )}
      <Text style={styles.text}>{props.note}</Text>
    </EmailLayout>
  );
}

export function linkMailText(props: LinkMailProps): string {
  return props.link
    ? `${props.lead}\n\n${props.link.label}:\n${props.link.url}\n\n${props.note}`
    : `${props.lead}\n\n${props.note}`;
}
