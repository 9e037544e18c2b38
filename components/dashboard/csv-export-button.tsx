"use client";
/** Downloads the goal's plan and actuals as CSV (per member per week or month), made on the server. */
import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { downloadCsv } from "@/components/ui/download-csv";
import { SelectField } from "@/components/ui/field";
import { useTRPC } from "@/trpc/react";

export function CsvExportButton({ goalId }: { goalId: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState<"week" | "month">("week");
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const file = await queryClient.fetchQuery({
        ...trpc.dashboard.exportCsv.queryOptions({ teamId: team.id, goalId, period }),
        staleTime: 0,
      });
      downloadCsv(file.csv, file.filename);
      toast.success(`Exported ${file.rows} rows.`);
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
