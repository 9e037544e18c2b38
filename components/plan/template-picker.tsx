"use client";
/** Pick a starter template (network marketing, sales, content/social); applying it again adds only what is missing. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { StatusBadge } from "./status";

export function TemplatePicker({ current, canEdit }: { current: string | null; canEdit: boolean }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const templates = useQuery(trpc.metric.templates.queryOptions({ teamId: team.id }));
  const [chosen, setChosen] = useState<string>(current ?? "NETWORK_MARKETING");
  const apply = useMutation(
    trpc.metric.applyTemplate.mutationOptions({
      onSuccess: async () => {
        toast.success("Template applied.");
        await queryClient.invalidateQueries({ queryKey: trpc.metric.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.rank.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  if (!templates.data) return <p className="text-slate-700">Loading templates…</p>;
  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">Starter template</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {templates.data.map((t) => (
          <label
            key={t.key}
            className="has-[:checked]:border-brand-600 has-[:focus-visible]:outline-brand-600 flex cursor-pointer flex-col gap-1 rounded-xl border-2 border-slate-200 p-3 has-[:focus-visible]:outline-2"
          >
            <span className="flex items-center gap-2 font-semibold">
              <input
                type="radio"
                name="template"
                value={t.key}
                checked={chosen === t.key}
                onChange={() => setChosen(t.key)}
                disabled={!canEdit}
                className="size-4"
              />
              {t.label}
              {current === t.key && <StatusBadge tone="ok" label="In use" />}
            </span>
            <span className="text-sm text-slate-700">{t.description}</span>
            <span className="text-xs text-slate-600">
              {t.metrics.join(", ")}
              {t.ranks.length ? ` · ranks: ${t.ranks.join(", ")}` : ""}
            </span>
          </label>
        ))}
      </div>
      {canEdit && (
        <Button
          variant="secondary"
          busy={apply.isPending}
          onClick={() =>
            apply.mutate({ teamId: team.id, template: chosen as "NETWORK_MARKETING" | "SALES" | "CONTENT" })
          }
        >
          Apply template
        </Button>
      )}
    </fieldset>
  );
}
