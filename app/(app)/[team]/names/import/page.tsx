import type { Metadata } from "next";
import { ImportExport } from "@/components/names/import-export";

export const metadata: Metadata = { title: "Import and export names" };

export default function Page() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold sm:text-3xl">Import and export</h1>
        <p className="mt-1 text-slate-700">Bring people onto your names list, or take the list with you.</p>
      </div>
      <ImportExport />
    </div>
  );
}
