"use client";
/**
 * The stretch percentage of "next month from this one" (the closing summary, goal-closing.tsx) and of the proposal
 * from last month's actuals (propose-next.tsx): typed as text, read as a whole percent from −100 to 1000.
 */
import { useState } from "react";
import { TextField } from "@/components/ui/field";

export function useStretch() {
  const [text, setText] = useState("10");
  const pct = Math.trunc(Number(text));
  const valid = text.trim() !== "" && Number.isFinite(pct) && pct >= -100 && pct <= 1000;
  return { text, setText, pct, valid };
}

export function StretchField({
  stretch,
  invalidMessage,
}: {
  stretch: ReturnType<typeof useStretch>;
  invalidMessage: string;
}) {
  return (
    <TextField
      label="Stretch (%)"
      type="number"
      inputMode="numeric"
      className="max-w-40"
      value={stretch.text}
      onChange={(e) => stretch.setText(e.target.value)}
      error={stretch.valid ? undefined : invalidMessage}
    />
  );
}
