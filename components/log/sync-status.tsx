"use client";
/** What is saved, what waits on the phone, and what the server refused — in words, with icons. */
import { AlertTriangle, CheckCircle2, CloudOff, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { QueuedEntry } from "./queue-model";
import type { SyncProblem } from "./use-entry-sync";

interface Props {
  online: boolean;
  waiting: number;
  failed: QueuedEntry[];
  problem: SyncProblem;
  metricName: (metricId: string) => string;
  onRetry: () => void;
  onDismiss: (id: string) => void;
}

export function SyncStatus({ online, waiting, failed, problem, metricName, onRetry, onDismiss }: Props) {
  return (
    <div className="space-y-2">
      <div
        role="status"
        className="flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm"
      >
        {!online && (
          <span className="inline-flex items-center gap-1.5 font-semibold text-slate-900">
            <CloudOff aria-hidden className="size-4" /> Offline
          </span>
        )}
        {waiting > 0 ? (
          <span className="inline-flex items-center gap-1.5 text-slate-800">
            <RefreshCw aria-hidden className="size-4" />
            {waiting === 1 ? "1 entry waiting to sync" : `${waiting} entries waiting to sync`}
            {!online && <span className="text-slate-700"> — saved on this device, sent when you are back online</span>}
          </span>
        ) : (
          <span className="text-ahead inline-flex items-center gap-1.5 font-medium">
            <CheckCircle2 aria-hidden className="size-4" /> All entries saved
          </span>
        )}
        {problem === "signin" && <span className="font-medium text-red-700">Sign in again to send your entries.</span>}
        {problem === "storage" && (
          <span className="font-medium text-red-700">This browser cannot store entries offline.</span>
        )}
        {waiting > 0 && online && (
          <Button variant="ghost" onClick={onRetry} className="ml-auto">
            Sync now
          </Button>
        )}
      </div>
      {failed.length > 0 && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="flex items-center gap-1.5 font-semibold">
            <AlertTriangle aria-hidden className="size-4" />
            {failed.length === 1 ? "1 entry could not be saved" : `${failed.length} entries could not be saved`}
          </p>
          <ul className="mt-2 space-y-2">
            {failed.map((f) => (
              <li key={f.id} className="flex items-start justify-between gap-2">
                <span>
                  {f.amount} {metricName(f.metricId)} on {f.day}: {f.message ?? "refused by the server"}
                </span>
                <Button variant="secondary" onClick={() => onDismiss(f.id)}>
                  Dismiss
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
