"use client";
/**
 * Import members from a CSV file (name, email, upline email). The file is read in the browser and sent as text;
 * the server parses it (papaparse) and validates every row. First a preview with row-level errors (nothing is
 * written), then the choice: invite all (only when every row is valid) or only the valid rows. Each person gets an
 * invitation by email and joins only if they accept it.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, FileUp, XCircle } from "lucide-react";
import { useId, useRef, useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import type { ImportResult } from "./types";
import { Table } from "@/components/ui/table";

const SHOWN_ROWS = 200;

export function MemberImport() {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [onlyValid, setOnlyValid] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const run = useMutation(trpc.member.import.mutationOptions());

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setDone(null);
    if (!file) return;
    if (file.size > 2_000_000) {
      toast.error("The file is too large (at most 2 MB).");
      return;
    }
    const text = await file.text();
    setCsv(text);
    setFileName(file.name);
    run.mutate(
      { teamId: team.id, csv: text, commit: false },
      { onSuccess: (r) => setPreview(r), onError: (e) => toast.error(`Could not read the file: ${e.message}`) },
    );
  };

  const commit = () => {
    if (!csv) return;
    run.mutate(
      { teamId: team.id, csv, commit: true, onlyValid },
      {
        onSuccess: (r) => {
          setPreview(r);
          if (r.committed) {
            setDone(
              `Invited ${r.invited} ${r.invited === 1 ? "person" : "people"}. Each gets an email and joins once they accept.` +
                (r.waiting > 0 ? ` ${r.waiting} of them get theirs once their upline from the file has joined.` : ""),
            );
            setCsv(null);
            if (fileRef.current) fileRef.current.value = "";
            void queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() });
            void queryClient.invalidateQueries({ queryKey: trpc.member.pathKey() });
          }
        },
        onError: (e) => toast.error(`Import failed: ${e.message}`),
      },
    );
  };

  const rows = preview ? [...preview.rows].sort((a, b) => b.errors.length - a.errors.length || a.line - b.line) : [];
  const canImport = preview !== null && !preview.committed && preview.valid > 0 && (onlyValid || preview.invalid === 0);

  return (
    <Card className="space-y-4">
      <h3 className="text-lg font-semibold">Import members from CSV</h3>
      <p className="text-slate-700">
        Columns: <code>name</code>, <code>email</code>, <code>upline email</code> (a member of your part of the team).
        You see a preview first. Each person gets an invitation by email and joins only if they accept it.
      </p>
      <div className="space-y-1">
        <label htmlFor={fileId} className="block text-sm font-medium text-slate-800">
          CSV file
        </label>
        <input
          ref={fileRef}
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.target.files?.[0])}
          className="file:bg-brand-700 block w-full text-sm text-slate-800 file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:px-4 file:font-medium file:text-white"
        />
      </div>
      {run.isPending && <p aria-live="polite">Checking {fileName}…</p>}
      {done && (
        <p role="status" className="text-ahead flex items-center gap-2 font-medium">
          <CheckCircle2 aria-hidden className="size-5" /> {done}
        </p>
      )}
      {preview && !preview.committed && (
        <div className="space-y-3">
          <p role="status" className="font-medium">
            {preview.rows.length === 0
              ? (preview.message ?? "The file has no rows.")
              : `${preview.valid} valid row${preview.valid === 1 ? "" : "s"}, ${preview.invalid} with errors.`}
          </p>
          {preview.message && preview.rows.length > 0 && <p className="text-behind font-medium">{preview.message}</p>}
          {rows.length > 0 && (
            <Table
              label="Import preview (scrollable)"
              caption="Import preview, rows with errors first"
              variant="boxed"
              density="compact"
              maxHeight
              alignTop
              rowHeader={false}
              rows={rows.slice(0, SHOWN_ROWS)}
              rowKey={(r) => String(r.line)}
              columns={[
                { header: "Line", className: "tabular-nums", cell: (r) => r.line },
                { header: "Name", cell: (r) => r.name },
                { header: "Email", className: "break-all", cell: (r) => r.email },
                { header: "Upline", className: "break-all", cell: (r) => r.upline },
                {
                  header: "Check",
                  cell: (r) =>
                    r.errors.length === 0 ? (
                      <span className="text-ahead inline-flex items-center gap-1">
                        <CheckCircle2 aria-hidden className="size-4" />{" "}
                        {r.waitsFor ? `OK — invited once ${r.waitsFor} has joined` : "OK"}
                      </span>
                    ) : (
                      <ul className="text-behind space-y-0.5">
                        {r.errors.map((e) => (
                          <li key={e} className="flex gap-1">
                            <XCircle aria-hidden className="mt-0.5 size-4 shrink-0" /> {e}
                          </li>
                        ))}
                      </ul>
                    ),
                },
              ]}
              footer={
                rows.length > SHOWN_ROWS && (
                  <p className="p-2 text-sm text-slate-700">…and {rows.length - SHOWN_ROWS} more rows.</p>
                )
              }
            />
          )}
          {preview.rows.length > 0 && (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">What to import</legend>
              <label className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="import-choice"
                  checked={!onlyValid}
                  onChange={() => setOnlyValid(false)}
                  className="size-5"
                />
                All rows (only when every row is valid)
              </label>
              <label className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="import-choice"
                  checked={onlyValid}
                  onChange={() => setOnlyValid(true)}
                  className="size-5"
                />
                Only the {preview.valid} valid row{preview.valid === 1 ? "" : "s"}, skip the rest
              </label>
            </fieldset>
          )}
          <Button onClick={commit} disabled={!canImport} busy={run.isPending}>
            <FileUp aria-hidden className="size-4" /> Import
          </Button>
        </div>
      )}
    </Card>
  );
}
