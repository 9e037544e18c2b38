/** A previewed change to a goal: the goal's own fields from → to, and each member whose targets change. */
import { ArrowRight } from "lucide-react";
import { Table } from "@/components/ui/table";
import { formatDay, splitWord } from "./format";
import type { ChangePreview } from "./types";

export function ChangeDiff({ data, format }: { data: ChangePreview; format: (a: number) => string }) {
  const days = (v: string | number) =>
    String(v) === "none" ? "none" : String(v).split(", ").map(formatDay).join(", ");
  const show = (field: string, v: string | number) =>
    field === "target" && typeof v === "number"
      ? format(v)
      : field === "deadline" || field === "startDate"
        ? formatDay(String(v))
        : field === "splitRule"
          ? splitWord(String(v))
          : field === "holidays"
            ? days(v)
            : String(v);
  const words: Record<string, string> = {
    target: "Goal target",
    deadline: "Deadline",
    splitRule: "Split",
    holidays: "Holidays planned around",
    name: "Name",
    startDate: "Start",
    curve: "Curve",
    checkpoints: "Checkpoints",
  };
  return (
    <div className="space-y-2">
      {data.goal.map((g) => (
        <p key={g.field}>
          {words[g.field]}: {show(g.field, g.from)} <ArrowRight aria-hidden className="inline size-4" />
          <span className="sr-only">to</span> {show(g.field, g.to)}
        </p>
      ))}
      {data.members.length === 0 ? (
        <p className="text-slate-700">No member&apos;s target changes.</p>
      ) : (
        <Table
          caption="Targets that change"
          density="compact"
          rows={data.members}
          rowKey={(d) => d.membershipId}
          columns={[
            {
              header: "Member",
              cell: (d) => (
                <>
                  {d.name}
                  {d.personalOverride.to !== null && <span className="block text-xs text-slate-600">set by hand</span>}
                </>
              ),
            },
            {
              header: "Personal",
              className: "tabular-nums",
              cell: (d) => `${d.isNew ? "new" : format(d.personal.from)} → ${format(d.personal.to)}`,
            },
            {
              header: "Team",
              className: "tabular-nums",
              cell: (d) => `${d.isNew ? "new" : format(d.team.from)} → ${format(d.team.to)}`,
            },
          ]}
        />
      )}
    </div>
  );
}
