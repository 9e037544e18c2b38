/** Only same-site paths are followed after sign-in ("/x", never "//evil.example" or "https://…"). */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
