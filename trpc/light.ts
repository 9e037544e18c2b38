/**
 * A very small tRPC client for the phone pages (the Log page), so they do not carry @trpc/client,
 * @tanstack/react-query and superjson in their first-load JavaScript. It speaks the same HTTP protocol as the full
 * client (trpc/react.tsx) — one procedure per request, the superjson wire format `{ json, meta }` — against the same
 * /api/trpc endpoint and the same router types, so the API is unchanged. Dates and undefined values in answers
 * are revived here; anything else superjson can encode (rare) loads superjson itself to decode it.
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/**
 * A refused or failed call: the server's message, its HTTP status when there was an answer, and the error's data
 * (field errors, as components/ui/form-error.ts reads them).
 */
export class LightClientError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
    readonly data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null; field?: string },
  ) {
    super(message);
    this.name = "LightClientError";
  }
}

interface Meta {
  values?: [string] | Record<string, [string] | unknown>;
  referentialEqualities?: unknown;
}

/** Splits a superjson path ("entries.0.createdAt", dots inside keys escaped as "\."). */
const pathOf = (key: string) => key.split(/(?<!\\)\./).map((k) => k.replace(/\\\./g, "."));

const revive = (type: string, value: unknown) => (type === "Date" ? new Date(value as string) : undefined);

async function deserialize(json: unknown, meta: Meta | undefined): Promise<unknown> {
  const values = meta?.values;
  if (!values) return json;
  const simple = (leaf: unknown) =>
    Array.isArray(leaf) && leaf.length === 1 && (leaf[0] === "Date" || leaf[0] === "undefined");
  if (meta.referentialEqualities || !(Array.isArray(values) ? simple(values) : Object.values(values).every(simple))) {
    const { default: superjson } = await import("superjson");
    return superjson.deserialize({ json: json as never, meta: meta as never });
  }
  if (Array.isArray(values)) return revive(values[0], json);
  for (const [key, leaf] of Object.entries(values)) {
    const path = pathOf(key);
    let parent = json as Record<string, unknown>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string, unknown>;
    const last = path[path.length - 1]!;
    parent[last] = revive((leaf as [string])[0], parent[last]);
  }
  return json;
}

async function call(path: string, kind: "query" | "mutation", input: unknown): Promise<unknown> {
  const body = JSON.stringify({ json: input });
  let response: Response;
  try {
    response =
      kind === "query"
        ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(body)}`, { credentials: "same-origin" })
        : await fetch(`/api/trpc/${path}`, {
            method: "POST",
            credentials: "same-origin",
            headers: { "content-type": "application/json" },
            body,
          });
  } catch (error) {
    throw new LightClientError(error instanceof Error ? error.message : "Network request failed");
  }
  let payload: {
    result?: { data?: { json: unknown; meta?: Meta } };
    error?: { json?: { message?: string; data?: LightClientError["data"] & { httpStatus?: number } } };
  };
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    throw new LightClientError(`The server answered ${response.status}`, response.status);
  }
  if (payload.error || !payload.result) {
    const error = payload.error?.json;
    throw new LightClientError(
      error?.message ?? `The server answered ${response.status}`,
      error?.data?.httpStatus ?? response.status,
      error?.data,
    );
  }
  return deserialize(payload.result.data?.json, payload.result.data?.meta);
}

/** A typed caller of one procedure of the router, as a query (GET) or a mutation (POST). */
const procedure =
  (kind: "query" | "mutation") =>
  <R extends keyof Inputs, P extends keyof Inputs[R] & keyof Outputs[R] & string>(router: R & string, name: P) =>
  (input: Inputs[R][P]) =>
    call(`${router}.${name}`, kind, input) as Promise<Outputs[R][P]>;
const query = procedure("query");
const mutation = procedure("mutation");

/** The procedures the Log page (and the app header, on every team page) uses. */
export const lightClient = {
  entry: {
    day: query("entry", "day"),
    list: query("entry", "list"),
    history: query("entry", "history"),
    update: mutation("entry", "update"),
    delete: mutation("entry", "delete"),
    setReminder: mutation("entry", "setReminder"),
  },
  member: {
    tree: query("member", "tree"),
    setMyTimeZone: mutation("member", "setMyTimeZone"),
  },
  /** The header's bell, on every team page (components/layout/notification-bell.tsx). */
  notification: {
    unreadCount: query("notification", "unreadCount"),
  },
  /** Signing out turns push off on this device (components/layout/sign-out-item.tsx). */
  push: {
    unsubscribe: mutation("push", "unsubscribe"),
  },
};
