import type { Metadata } from "next";
import { EditDraft } from "@/components/plan/edit-draft";

export const metadata: Metadata = { title: "Edit draft" };

export default async function Page({ params }: { params: Promise<{ goalId: string }> }) {
  const { goalId } = await params;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold sm:text-3xl">Edit draft</h1>
      <p className="text-slate-700">A draft can change freely: nobody has a target in it until you publish it.</p>
      <EditDraft goalId={goalId} />
    </div>
  );
}
