/**
 * The formats a person reads dates and numbers in (their email reminders and digests): a BCP 47 tag from a short
 * list the app is checked with, stored on the account (`User.locale`); none stored = `DEFAULT_LOCALE` (en-GB,
 * server/domain/money.ts). The words stay English; the formats follow the person ("Montag, 30. November",
 * "1.234,50 €"). Pure: the profile form offers the same list the server accepts.
 */
import { DEFAULT_LOCALE } from "./money";

export const LOCALE_CHOICES = [
  { tag: "en-GB", label: "English (UK)" },
  { tag: "en-US", label: "English (US)" },
  { tag: "en-AU", label: "English (Australia)" },
  { tag: "en-IN", label: "English (India)" },
  { tag: "de-DE", label: "Deutsch" },
  { tag: "fr-FR", label: "Français" },
  { tag: "es-ES", label: "Español" },
  { tag: "it-IT", label: "Italiano" },
  { tag: "nl-NL", label: "Nederlands" },
  { tag: "pt-BR", label: "Português (Brasil)" },
  { tag: "pl-PL", label: "Polski" },
  { tag: "sv-SE", label: "Svenska" },
  { tag: "ja-JP", label: "日本語" },
] as const;
export type LocaleTag = (typeof LOCALE_CHOICES)[number]["tag"];
export const LOCALE_TAGS = LOCALE_CHOICES.map((c) => c.tag) as [LocaleTag, ...LocaleTag[]];

/** The locale to format for: the stored one when it is one of the list, else the default. */
export function localeOf(stored: string | null | undefined): string {
  return stored && (LOCALE_TAGS as readonly string[]).includes(stored) ? stored : DEFAULT_LOCALE;
}
