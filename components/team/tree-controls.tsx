/** Pieces both trees show (Team page, dashboard roll-up): the expand / collapse-all buttons and the search highlight. */
import { ChevronsDownUp, ChevronsUpDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { normalise } from "./tree-model";

export function ExpandCollapseAll({
  onExpand,
  onCollapse,
  disabled,
  className,
  buttonClassName,
}: {
  onExpand: () => void;
  onCollapse: () => void;
  disabled?: boolean;
  className?: string;
  buttonClassName?: string;
}) {
  return (
    <div className={cn("flex gap-2", className)}>
      <Button variant="secondary" onClick={onExpand} disabled={disabled} className={buttonClassName}>
        <ChevronsUpDown aria-hidden className="size-4" />
        Expand all
      </Button>
      <Button variant="secondary" onClick={onCollapse} disabled={disabled} className={buttonClassName}>
        <ChevronsDownUp aria-hidden className="size-4" />
        Collapse all
      </Button>
    </div>
  );
}

/** `text` with the first match of the search `query` marked (case- and accent-insensitive, like the search). */
export function Highlighted({ text, query, className }: { text: string; query: string; className?: string }) {
  const q = normalise(query);
  if (!q) return <>{text}</>;
  // Match on the accent-free form when it keeps the name's length (common names); else a plain lower-case match.
  const folded = normalise(text);
  const plain = query.trim().toLocaleLowerCase();
  const [at, length] =
    folded.length === text.length
      ? [folded.indexOf(q), q.length]
      : [text.toLocaleLowerCase().indexOf(plain), plain.length];
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className={cn("rounded text-slate-900", className ?? "bg-yellow-200")}>{text.slice(at, at + length)}</mark>
      {text.slice(at + length)}
    </>
  );
}
