/** Status shown by word and icon, never by colour alone. */
import { AlertTriangle, CheckCircle2, Info } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Tone = "ok" | "warn" | "info";

const tones: Record<Tone, { icon: typeof Info; className: string }> = {
  ok: { icon: CheckCircle2, className: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  warn: { icon: AlertTriangle, className: "border-amber-300 bg-amber-50 text-amber-950" },
  info: { icon: Info, className: "border-slate-200 bg-slate-50 text-slate-900" },
};

export function StatusNote({
  tone,
  label,
  children,
  className,
}: {
  tone: Tone;
  label: string;
  children?: ReactNode;
  className?: string;
}) {
  const { icon: Icon, className: toneClass } = tones[tone];
  return (
    <div className={cn("flex items-start gap-2 rounded-lg border px-3 py-2 text-sm", toneClass, className)}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <p>
        <strong className="font-semibold">{label}</strong>
        {children ? <> {children}</> : null}
      </p>
    </div>
  );
}

/** A compact inline badge: icon + word. */
export function StatusBadge({ tone, label }: { tone: Tone; label: string }) {
  const { icon: Icon, className: toneClass } = tones[tone];
  return (
    <span
      className={cn("inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold", toneClass)}
    >
      <Icon aria-hidden className="size-3.5" />
      {label}
    </span>
  );
}
