"use client";
/**
 * Import and export of the caller's names list (phone first): choose a phone's contacts export (.vcf) or a CSV file,
 * see every row as it would be imported — new, already on your list, or with the reason it cannot be — and only then
 * import (all rows, or only the valid ones). Export downloads the whole list as CSV. Everything is the caller's own
 * list: the procedures take no member id.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, Check, Copy, Download, Upload } from "lucide-react";
import { useId, useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { downloadCsv } from "@/components/ui/download-csv";
import { FormAlert } from "@/components/ui/form-alert";
import { importFormat } from "@/server/domain/person-transfer";
import { MAX_IMPORT_CHARS } from "@/server/schemas/person-transfer";
import { useTRPC } from "@/trpc/react";

interface ChosenFile {
  name: string;
  format: "vcf" | "csv";
  content: string;
}

export function ImportExport() {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [inputKey, setInputKey] = useState(0);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [onlyValid, setOnlyValid] = useState(false);
  const [importId, setImportId] = useState<string>(() => crypto.randomUUID());
  const [done, setDone] = useState<string | null>(null);

  const preview = useQuery({
    ...trpc.person.importPreview.queryOptions(
      { teamId: team.id, format: file?.format ?? "csv", content: file?.content ?? "" },
      { enabled: file !== null },
    ),
    staleTime: Infinity,
  });
  const importMutation = useMutation(
    trpc.person.import.mutationOptions({
      onSuccess: async (result) => {
        setDone(
          `Imported ${result.created} ${result.created === 1 ? "person" : "people"}` +
            (result.duplicates ? `; ${result.duplicates} already on your list` : "") +
            (result.skipped ? `; ${result.skipped} skipped with errors` : "") +
            ".",
        );
        setFile(null);
        setImportId(crypto.randomUUID());
        setInputKey((k) => k + 1);
        await queryClient.invalidateQueries({ queryKey: trpc.person.pathKey() });
      },
    }),
  );
  async function choose(f: File | undefined) {
    setDone(null);
    setFileProblem(null);
    importMutation.reset();
    if (!f) return setFile(null);
    if (f.size > MAX_IMPORT_CHARS) {
      setFile(null);
      return setFileProblem("This file is too large: import at most 5,000 people at a time.");
    }
    const content = await f.text();
    setFile({ name: f.name, format: importFormat(f.name, content), content });
  }

  const data = preview.data;
  const errors = data?.counts.error ?? 0;
  const canImport = !!data && !data.fileError && data.counts.new > 0 && (errors === 0 || onlyValid);

  return (
    <div className="space-y-6">
      <Card className="space-y-4">
        <h2 className="flex items-center gap-2 text-lg font-semibold">
          <Upload aria-hidden className="size-5" /> Import
        </h2>
        <p className="text-sm text-slate-700">
          From your phone&apos;s contacts (a .vcf file) or a spreadsheet saved as CSV with the columns name, email,
          phone, handle, source, tags, notes. You see every row first; nothing is added until you import.
        </p>
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium">
            Contacts or CSV file
          </label>
          <input
            key={inputKey}
            id={inputId}
            type="file"
            accept=".vcf,.vcard,text/vcard,text/x-vcard,.csv,text/csv"
            className="mt-1 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </div>
        <FormAlert message={fileProblem ?? data?.fileError ?? (preview.error ? preview.error.message : null)} />
        {preview.isFetching && <p className="text-sm text-slate-700">Reading the file…</p>}
        {data && !data.fileError && (
          <section aria-label="Preview" className="space-y-3">
            <p className="text-sm font-medium" data-testid="import-summary">
              {data.counts.new} new · {data.counts.duplicate} already on your list · {data.counts.error} with errors
            </p>
            <ul className="max-h-96 divide-y divide-slate-200 overflow-y-auto rounded-lg border border-slate-200">
              {data.rows.map((r) => (
                <li key={r.row} className="flex items-start gap-2 p-2 text-sm">
                  {r.status === "new" && <Check aria-hidden className="mt-0.5 size-4 shrink-0 text-green-700" />}
                  {r.status === "duplicate" && <Copy aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />}
                  {r.status === "error" && (
                    <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-red-700" />
                  )}
                  <div className="min-w-0 flex-1">
                    <p className="font-medium break-words">
                      {r.status === "error" ? r.label : r.person.name}
                      <span className="ml-2 font-normal text-slate-600">
                        {r.status === "new" && "new"}
                        {r.status === "duplicate" &&
                          (r.duplicateOf === "list" ? "already on your list" : `same as row ${r.duplicateOf}`)}
                        {r.status === "error" && `row ${r.row}: not imported`}
                      </span>
                    </p>
                    {r.status !== "error" && (
                      <p className="break-words text-slate-600">
                        {[r.person.email, r.person.phone, r.person.handle].filter(Boolean).join(" · ")}
                      </p>
                    )}
                    {r.status === "error" && <p className="break-words text-red-700">{r.errors.join(" ")}</p>}
                  </div>
                </li>
              ))}
            </ul>
            {errors > 0 && (
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)} />
                Import only the valid rows ({errors} with errors will be skipped)
              </label>
            )}
            <FormAlert message={importMutation.error?.message} />
            <Button
              disabled={!canImport}
              busy={importMutation.isPending}
              onClick={() =>
                file &&
                importMutation.mutate({
                  teamId: team.id,
                  format: file.format,
                  content: file.content,
                  importId,
                  onlyValid,
                })
              }
            >
              Import {data.counts.new} {data.counts.new === 1 ? "person" : "people"}
            </Button>
          </section>
        )}
        {done && (
          <p role="status" className="text-sm font-medium text-green-800">
            {done}
          </p>
        )}
      </Card>
      <ExportCard />
    </div>
  );
}

function ExportCard() {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function download() {
    setProblem(null);
    setBusy(true);
    try {
      const file = await queryClient.fetchQuery({
        ...trpc.person.export.queryOptions({ teamId: team.id }),
        staleTime: 0,
      });
      downloadCsv(file.csv, file.fileName);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "Could not export your list.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="space-y-3">
      <h2 className="flex items-center gap-2 text-lg font-semibold">
        <Download aria-hidden className="size-5" /> Export
      </h2>
      <p className="text-sm text-slate-700">
        Your whole list as a CSV file for a spreadsheet (it imports back here, too). Only you can export it.
      </p>
      <FormAlert message={problem} />
      <Button variant="secondary" busy={busy} onClick={() => void download()}>
        Download CSV
      </Button>
    </Card>
  );
}
