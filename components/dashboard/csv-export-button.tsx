"use client";
/**
 * Downloads the goal's plan and actuals as CSV (per member per week or month), streamed by the server
 * (app/api/export: a 100,000-member team's file is 1.4 million rows); a refusal shows the server's sentence.
 */
import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { downloadCsv } from "@/components/ui/download-csv";
import { SelectField } from "@/components/ui/field";

export function CsvExportButton({ goalId }: { goalId: string }) {
  const team = useTeam();
  const [period, setPeriod] = useState<"week" | "month">("week");
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const query = new URLSearchParams({ teamId: team.id, goalId, period });
      const response = await fetch(`/api/export?${query}`, { credentials: "same-origin" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? `the server answered ${response.status}`);
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "export.csv";
      const rows = Number(response.headers.get("x-export-rows") ?? 0);
      downloadCsv(await response.blob(), name);
      toast.success(`Exported ${rows.toLocaleString("en-GB")} rows.`);
    } catch (error) {
      toast.error(`Could not export: ${error instanceof Error ? error.message : "unknown error"}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-wrap items-end gap-3">
      <SelectField
        label="Rows per"
        value={period}
        onChange={(e) => setPeriod(e.target.value as "week" | "month")}
        className="w-40"
      >
        <option value="week">Week</option>
        <option value="month">Month</option>
      </SelectField>
      <Button onClick={() => void download()} busy={busy}>
        <Download aria-hidden className="size-4" /> Download CSV
      </Button>
    </div>
  );
}
