"use client";
/**
 * Choose one member from a (possibly long) list: a search box and native radio buttons, so it works
 * with arrow keys and screen readers out of the box. At most 50 matches are listed at a time.
 */
import { useDeferredValue, useId, useMemo, useState } from "react";
import { RoleBadge } from "@/components/layout/role-text";
import { cn } from "@/components/ui/cn";
import { normalise } from "./tree-model";
import type { MemberNode } from "./types";

const LIMIT = 50;

export function MemberPicker({
  legend,
  candidates,
  value,
  onChange,
  meId,
  uplineName,
  error,
}: {
  legend: string;
  /** Sorted by name. */
  candidates: readonly MemberNode[];
  value: string | null;
  onChange: (id: string) => void;
  meId: string;
  /** Name of each candidate's upline, to tell apart people with the same name. */
  uplineName: (node: MemberNode) => string | undefined;
  error?: string;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const matches = useMemo(() => {
    const q = normalise(deferred);
    return q
      ? candidates.filter((c) => normalise(c.name).includes(q) || c.email.toLowerCase().includes(q))
      : candidates;
  }, [candidates, deferred]);
  const shown = matches.slice(0, LIMIT);
  const selected = value ? candidates.find((c) => c.id === value) : undefined;

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <p className="text-sm text-slate-700" aria-live="polite">
        {selected ? (
          <>
            Selected: <strong className="font-semibold">{selected.name}</strong>
          </>
        ) : (
          "No one selected yet."
        )}
      </p>
      <label htmlFor={`${id}-search`} className="sr-only">
        Search by name or email
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search by name or email"
        autoComplete="off"
        className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base placeholder:text-slate-500"
      />
      <div className="max-h-64 overflow-y-auto rounded-lg border border-slate-200">
        {shown.length === 0 ? (
          <p className="p-3 text-slate-700">No one matches “{deferred}”.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {shown.map((c) => {
              const upline = uplineName(c);
              return (
                <li key={c.id}>
                  <label
                    className={cn(
                      "flex min-h-12 cursor-pointer items-center gap-3 px-3 py-2 hover:bg-slate-50",
                      value === c.id && "bg-brand-50",
                    )}
                  >
                    <input
                      type="radio"
                      name={`${id}-member`}
                      value={c.id}
                      checked={value === c.id}
                      onChange={() => onChange(c.id)}
                      className="accent-brand-600 size-5 shrink-0"
                    />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">
                        {c.name}
                        {c.id === meId && <span className="font-normal text-slate-600"> (you)</span>}
                      </span>
                      {upline && <span className="block truncate text-sm text-slate-600">under {upline}</span>}
                    </span>
                    <RoleBadge role={c.role} />
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {matches.length > LIMIT && (
        <p className="text-sm text-slate-600">
          Showing {LIMIT} of {matches.length.toLocaleString()}. Type a name to narrow the list.
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
