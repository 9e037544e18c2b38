// JSON-RPC 2.0 over stdin/stdout, one JSON object per line: the transport the Prisma CLI uses
// with its schema engine. Requests are handled one at a time, in order (the WASM engine is not
// re-entrant). The engine side may also send requests to the CLI (`print`); the CLI's answers
// arrive on stdin and resolve them.
import readline from "node:readline";

/**
 * @param {(method: string, params: unknown) => Promise<unknown>} handle  throws { code, message, data } on failure
 * @param {{ write: (line: string) => void, onEnd: () => void }} io
 * @returns {{ request: (method: string, params: unknown) => Promise<unknown> }}
 */
export function serveJsonRpc(handle, { write, onEnd }) {
  const send = (message) => write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const pending = new Map(); // our outgoing requests, by id
  let nextId = 1_000_000; // far from the CLI's own ids, for readable logs
  let queue = Promise.resolve();

  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // An answer to one of our requests.
      pending.get(message.id)?.(message);
      pending.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      try {
        const result = await handle(message.method, message.params);
        if (message.id !== undefined) send({ id: message.id, result: result ?? null });
      } catch (error) {
        if (message.id !== undefined) send({ id: message.id, error });
      }
    });
  });
  rl.on("close", () => queue.then(onEnd));

  return {
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ id, method, params });
      });
    },
  };
}
