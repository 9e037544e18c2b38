/**
 * Reading a request body with a ceiling, for the routes that read one (app/api/log, the tRPC endpoint): a body larger
 * than the ceiling is refused (413) without holding more of it than the ceiling in memory.
 */

/** The declared Content-Length is over `max` (Node's parser then lets no more than that through). */
export function declaredOver(req: Request, max: number): boolean {
  return Number(req.headers.get("content-length")) > max;
}

/**
 * The body as text, or null when it is larger than `max` bytes. A declared Content-Length bounds what Node's parser
 * lets through, so such a body is read whole; a body without one (chunked) is counted while it streams in.
 */
export async function boundedText(req: Request, max: number): Promise<string | null> {
  const declared = req.headers.get("content-length");
  if (declared !== null) return Number(declared) > max ? null : req.text();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
