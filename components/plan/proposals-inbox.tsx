"use client";
/** Members' proposed targets waiting for the leader's decision, with Accept / Decline; and the caller's own proposals. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, X } from "lucide-react";
import { useEffect } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { amountFormatter } from "@/server/domain/money";
import { StatusBadge } from "./status";

export function ProposalsInbox() {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const proposals = useQuery(trpc.goal.proposals.queryOptions({ teamId: team.id }));
  const decide = useMutation(
    trpc.goal.decideProposal.mutationOptions({
      onSuccess: async (r) => {
        toast.success(
          r.status === "ACCEPTED" ? "Accepted: their target is set and the others rebalanced." : "Declined.",
        );
        await queryClient.invalidateQueries({ queryKey: trpc.goal.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );
  // A notification links here (`/<team>/plan#proposals-heading`, issue 20): the card appears once loaded, after the
  // browser looked for the anchor, so it is scrolled to then.
  const loaded = proposals.data !== undefined;
  useEffect(() => {
    if (loaded && window.location.hash === "#proposals-heading")
      document.getElementById("proposals-heading")?.scrollIntoView({ block: "start" });
  }, [loaded]);
  if (!proposals.data) return null;
  const { inbox, mine } = proposals.data;
  if (inbox.length === 0 && mine.length === 0) return null;
  return (
    <Card className="space-y-4" role="region" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading" className="text-lg font-semibold">
        Proposed targets
      </h2>
      {inbox.length > 0 && (
        <ul className="space-y-3" aria-label="Waiting for your decision">
          {inbox.map((p) => {
            const fmt = amountFormatter(p.unit, team.currency);
            return (
              <li key={p.id} className="space-y-2 rounded-lg border border-slate-200 p-3">
                <p>
                  <strong>{p.memberName}</strong> proposes <strong>{fmt(p.proposed)}</strong> for {p.goalName}
                  {p.current !== null ? ` (now ${fmt(p.current)})` : ""}.
                </p>
                {p.note && <p className="text-sm text-slate-700">“{p.note}”</p>}
                <div className="flex gap-2">
                  <Button
                    size="sm"
                    busy={decide.isPending}
                    onClick={() => decide.mutate({ teamId: team.id, proposalId: p.id, decision: "ACCEPT" })}
                  >
                    <Check aria-hidden className="size-4" /> Accept
                    <span className="sr-only"> {p.memberName}&apos;s proposal</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    busy={decide.isPending}
                    onClick={() => decide.mutate({ teamId: team.id, proposalId: p.id, decision: "DECLINE" })}
                  >
                    <X aria-hidden className="size-4" /> Decline
                    <span className="sr-only"> {p.memberName}&apos;s proposal</span>
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {mine.length > 0 && (
        <div>
          <h3 className="font-semibold">My proposals</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {mine.slice(0, 5).map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                {p.goalName}: {amountFormatter(p.unit, team.currency)(p.proposed)}
                {p.status === "PENDING" ? (
                  <StatusBadge tone="info" label="Waiting" />
                ) : p.status === "ACCEPTED" ? (
                  <StatusBadge tone="ok" label="Accepted" />
                ) : (
                  <StatusBadge tone="warn" label={p.status === "DECLINED" ? "Declined" : "Withdrawn"} />
                )}
                {p.decisionNote && <span className="text-slate-700">“{p.decisionNote}”</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
