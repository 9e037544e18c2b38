/**
 * The loading, error and empty states of one query, written once: "Loading…" while it loads, "Could not load …:
 * <reason>" (announced, with Try again) when it fails, an optional empty state, then the data.
 *
 *   <QueryState query={goals} loading="Loading goals…" error="Could not load the goals">{(data) => …}</QueryState>
 *
 * `card` puts each state in a Card (a page's main content); `inline` writes a line inside an existing card.
 */
import type { ReactNode } from "react";
import { Button } from "./button";
import { Card } from "./card";

export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  data: T | undefined;
  error: { message: string } | null;
  refetch?: () => unknown;
}

export interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** Shown while loading (starts with "Loading" so tests and the layout guard can wait for it to go). */
  loading?: string;
  /** The failure's lead-in, e.g. "Could not load the goals"; the server's reason follows. */
  error: string;
  variant?: "card" | "inline";
  /** What the failure offers instead of "Try again" (a link back); `null` for nothing. */
  errorAction?: ReactNode;
  /** When the data is empty, this is shown instead of the children. */
  empty?: { when: (data: T) => boolean; children: ReactNode };
  children: (data: T) => ReactNode;
}

export function QueryState<T>({
  query,
  loading = "Loading…",
  error,
  variant = "inline",
  errorAction,
  empty,
  children,
}: QueryStateProps<T>) {
  if (query.isError) {
    const reason = `${error}: ${query.error?.message ?? "something went wrong."}`;
    const action =
      errorAction !== undefined ? (
        errorAction
      ) : query.refetch ? (
        <Button variant="secondary" onClick={() => void query.refetch?.()}>
          Try again
        </Button>
      ) : null;
    if (variant === "card") {
      return (
        <Card role="alert" className="space-y-3">
          <p className="font-medium text-red-800">{reason}</p>
          {action}
        </Card>
      );
    }
    return (
      <div role="alert" className="space-y-2">
        <p className="text-behind">{reason}</p>
        {action}
      </div>
    );
  }
  if (query.isPending || query.data === undefined) {
    return variant === "card" ? (
      <Card aria-busy="true">
        <p className="text-slate-700">{loading}</p>
      </Card>
    ) : (
      <p className="text-slate-700" aria-busy="true">
        {loading}
      </p>
    );
  }
  if (empty?.when(query.data)) {
    return variant === "card" ? <Card className="space-y-2">{empty.children}</Card> : <>{empty.children}</>;
  }
  return <>{children(query.data)}</>;
}
