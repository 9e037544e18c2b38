/**
 * The account emails (server/mail.ts: SMTP, or the server log): verify your address, reset your password, and the
 * note to an address that already has an account when someone signs up with it. Links point at NEXTAUTH_URL.
 */
import { createElement } from "react";
import { env } from "@/env";
import { sendMail } from "@/server/mail";
import { renderHtml } from "@/server/mail/render";
import { LinkMail, linkMailText, type LinkMailProps } from "@/server/mail/templates/link-mail";
import { USER_TOKEN_MINUTES } from "./user-token";

export function appUrl(path: string): string {
  return new URL(path, env.NEXTAUTH_URL ?? "http://localhost:3000").toString();
}

/** An account mail in Backplan's one email frame (server/mail/templates/link-mail.tsx): HTML + the same text as ever. */
export async function sendLinkMail(to: string, subject: string, props: LinkMailProps) {
  return sendMail({ to, subject, text: linkMailText(props), html: await renderHtml(createElement(LinkMail, props)) });
}

function linkMail(to: string, subject: string, lead: string, label: string, url: string, note: string) {
  return sendLinkMail(to, subject, { heading: subject, lead, link: { label, url }, note });
}

/** `callbackUrl`: where to go after verifying and signing in (a same-site path, e.g. an invite link). */
export function sendVerifyEmail(to: string, token: string, callbackUrl?: string) {
  const query = new URLSearchParams({ token, ...(callbackUrl ? { callbackUrl } : {}) });
  return linkMail(
    to,
    "Confirm your email for Backplan",
    "Confirm this address to finish setting up your Backplan account. Until then you cannot join a team.",
    "Confirm my email",
    appUrl(`/verify-email?${query.toString()}`),
    `The link works once, for ${USER_TOKEN_MINUTES.VERIFY_EMAIL / 60} hours. If you did not sign up, ignore this email.`,
  );
}

export function sendResetPasswordEmail(to: string, token: string) {
  return linkMail(
    to,
    "Reset your Backplan password",
    "Someone (hopefully you) asked to reset the password of your Backplan account.",
    "Choose a new password",
    appUrl(`/reset-password?token=${encodeURIComponent(token)}`),
    `The link works once, for ${USER_TOKEN_MINUTES.RESET_PASSWORD} minutes. If you did not ask, ignore this email: your password stays as it is.`,
  );
}

/** Sign-up with an address that already has an account: the owner hears of it, the visitor learns nothing. */
export function sendAlreadyRegisteredEmail(to: string, token: string) {
  return linkMail(
    to,
    "You already have a Backplan account",
    "Someone tried to create a Backplan account with this address, which already has one. If it was you, sign in — or set a new password with the link below.",
    "Choose a new password",
    appUrl(`/reset-password?token=${encodeURIComponent(token)}`),
    `The link works once, for ${USER_TOKEN_MINUTES.RESET_PASSWORD} minutes. If it was not you, ignore this email.`,
  );
}

/** A new address for an account: the link applies it (until then the old address stays the account's). */
export function sendConfirmEmailChange(to: string, token: string) {
  return linkMail(
    to,
    "Confirm your new email for Backplan",
    "Someone (hopefully you) asked to use this address for their Backplan account. Nothing changes until you confirm it.",
    "Use this address",
    appUrl(`/confirm-email?token=${encodeURIComponent(token)}`),
    `The link works once, for ${USER_TOKEN_MINUTES.CHANGE_EMAIL / 60} hours. If you did not ask, ignore this email.`,
  );
}

/** To the old address once the change is applied: the owner hears of it, whoever made it. */
export function sendEmailChangedNotice(to: string, newEmail: string) {
  const lead = `The email address of your Backplan account was changed to ${newEmail}. Sign in with that address from now on.`;
  const note = "If you did not do this, reply to this email or contact your team's owner at once.";
  const subject = "Your Backplan email address was changed";
  return sendLinkMail(to, subject, { heading: subject, lead, note });
}
