"use client";
/**
 * One action of the day: its count toward today's number, and a big one-tap "+1" (counts) or an amount field
 * with a numeric keypad (money, minutes).
 */
import { Check, Plus } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { amountInputMode, currencySymbol, ENTRY_AMOUNT_LIMITS, formatAmount, parseAmount } from "@/server/domain/money";
import type { LogAction } from "./types";

interface Props {
  action: LogAction;
  /** The number shown: the server's total plus entries still on the device. */
  done: number;
  isToday: boolean;
  currency: string;
  onAdd: (amount: number) => void;
}

export function ActionCard({ action, done, isToday, currency, onAdd }: Props) {
  const headingId = useId();
  const planned = isToday ? action.planned : 0;
  const met = planned > 0 && done >= planned;
  const fmt = (n: number) => formatAmount(n, action.unit, currency);
  const progress = planned > 0 ? Math.min(100, Math.floor((done * 100) / planned)) : 0;

  return (
    <li aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="truncate text-base font-semibold text-slate-900">
            {action.name}
          </h3>
          <p className="flex items-center gap-1 text-sm text-slate-700" data-testid="action-count">
            {planned > 0 ? (
              <>
                <span className="text-lg font-bold text-slate-900 tabular-nums">{fmt(done)}</span> of {fmt(planned)}{" "}
                today
                {met && (
                  <span className="text-ahead ml-1 inline-flex items-center gap-0.5 font-semibold">
                    <Check aria-hidden className="size-4" /> Done
                  </span>
                )}
              </>
            ) : (
              <>
                <span className="text-lg font-bold text-slate-900 tabular-nums">{fmt(done)}</span>{" "}
                {isToday ? "today" : "that day"}
              </>
            )}
          </p>
          {planned > 0 && (
            <div aria-hidden className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200">
              <div
                className={cn("h-full rounded-full", met ? "bg-ahead" : "bg-brand-600")}
                style={{ width: `${progress}%` }}
              />
            </div>
          )}
        </div>
        {action.unit === "COUNT" && (
          <button
            type="button"
            onClick={() => onAdd(1)}
            aria-label={`Add 1 ${action.name}`}
            className="bg-brand-600 hover:bg-brand-700 active:bg-brand-800 flex size-16 shrink-0 touch-manipulation items-center justify-center rounded-full text-xl font-bold text-white shadow-md select-none active:scale-95 motion-reduce:active:scale-100"
          >
            +1
          </button>
        )}
      </div>
      {action.unit !== "COUNT" && <AmountForm action={action} currency={currency} onAdd={onAdd} />}
    </li>
  );
}

function AmountForm({
  action,
  currency,
  onAdd,
}: {
  action: LogAction;
  currency: string;
  onAdd: (amount: number) => void;
}) {
  const inputId = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const money = action.unit === "MONEY";
  const symbol = money ? currencySymbol(currency) : "";

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseAmount(text, action.unit, currency, undefined, ENTRY_AMOUNT_LIMITS);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    setText("");
    onAdd(parsed.value);
  }

  return (
    <form onSubmit={submit} className="mt-3 flex items-end gap-2" noValidate>
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {money ? `Amount in ${symbol}` : "Minutes"}
          <span className="sr-only"> of {action.name}</span>
        </label>
        <input
          id={inputId}
          inputMode={amountInputMode(action.unit, currency)}
          autoComplete="off"
          enterKeyHint="done"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={money ? "0.00" : "0"}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className={cn(
            "block min-h-12 w-full rounded-lg border bg-white px-3 text-lg text-slate-900 tabular-nums placeholder:text-slate-500",
            error ? "border-red-700" : "border-slate-300",
          )}
        />
        {error && (
          <p id={`${inputId}-error`} role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        )}
      </div>
      <Button type="submit" size="lg" className="shrink-0 px-4" aria-label={`Add ${action.name}`}>
        <Plus aria-hidden className="size-5" /> Add
      </Button>
    </form>
  );
}
