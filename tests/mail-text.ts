/**
 * The text of a received email, for the tests that read real mail (tests/smtp-inbox.ts for integration tests,
 * e2e/mail.ts for the browser journeys): of a multipart message its text/plain part, decoded from quoted-printable or
 * base64 (UTF-8) — or, asked for, its text/html part ("" when it has none). No imports, so both test runners can load it.
 */
export function decodeMail(raw: string, part: "plain" | "html" = "plain"): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  // multipart/alternative (text + html): the text/plain part.
  const boundary = /content-type:\s*multipart\/[a-z]+;[\s\S]*?boundary="?([^"\r\n;]+)"?/i.exec(head)?.[1];
  if (boundary) {
    const parts = body.split(`--${boundary}`).map((p) => p.replace(/^\r?\n/, ""));
    const type = part === "html" ? /content-type:\s*text\/html/i : /content-type:\s*text\/plain/i;
    const text = parts.find((p) => type.test(p.split(/\r?\n\r?\n/)[0] ?? ""));
    if (text) return decodeMail(text);
    if (part === "html") return "";
  }
  if (part === "html" && !/content-type:\s*text\/html/i.test(head)) return "";
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return Buffer.from(body, "latin1").toString("utf8");
}
