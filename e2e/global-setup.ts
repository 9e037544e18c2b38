/** Playwright's global setup: the SMTP server the e2e app sends mail to (e2e/mail.ts); stopped after the run. */
import { startMailDrop } from "./mail";

export default async function globalSetup() {
  return startMailDrop();
}
