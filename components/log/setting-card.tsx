"use client";
/**
 * One of the member's own settings on the Log and the profile (time zone, daily reminder): a titled card saying what is
 * set, then the setting's form — or, `collapsed` (the Log), a button that opens it. The form is the setting's own,
 * loaded by it only when shown (`next/dynamic`); `form(focus)` renders it, `focus` true when the member opened it from
 * the button (focus goes into its field).
 */
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

export function SettingCard({
  icon,
  title,
  children,
  collapsed,
  openLabel,
  form,
}: {
  icon: ReactNode;
  title: string;
  /** What is set, in words. */
  children: ReactNode;
  collapsed: boolean;
  /** The button that opens the form when collapsed. */
  openLabel: string;
  form: (focus: boolean) => ReactNode;
}) {
  const headingId = useId();
  const [open, setOpen] = useState(!collapsed);
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="flex items-center gap-2 text-base font-semibold text-slate-900">
        {icon}
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{children}</p>
      {open ? (
        form(collapsed)
      ) : (
        <Button variant="secondary" className="mt-3" aria-expanded={false} onClick={() => setOpen(true)}>
          {openLabel}
        </Button>
      )}
    </section>
  );
}
