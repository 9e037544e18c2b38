"use client";
/** The invite links the viewer made (the owner: all of the team's), with their state and Revoke. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ROLE_LABELS } from "@/components/layout/role-text";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { QueryState } from "@/components/ui/query-state";
import { useTRPC } from "@/trpc/react";
import type { InviteSummary } from "./types";

const STATE_LABELS: Record<InviteSummary["state"], string> = {
  active: "Active",
  waiting: "Waiting for their upline to join",
  revoked: "Revoked",
  declined: "Declined",
  expired: "Expired",
  used_up: "Used up",
  upline_gone: "Upline left the team",
  not_found: "Not valid",
};

export function InviteLinks() {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invites = useQuery(trpc.invite.list.queryOptions({ teamId: team.id }));
  const revoke = useMutation(
    trpc.invite.revoke.mutationOptions({
      onSuccess: async () => {
        toast.success("Invite link revoked. It no longer works.");
        await queryClient.invalidateQueries(trpc.invite.list.pathFilter());
      },
      onError: (err) => toast.error(err.message),
    }),
  );

  const date = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: team.timeZone });

  return (
    <QueryState
      query={invites}
      loading="Loading your invite links…"
      error="Could not load your invite links"
      empty={{
        when: (list) => list.length === 0,
        children: (
          <p className="text-slate-700">
            {team.role === "OWNER"
              ? "No one in the team has created an invite link yet."
              : "You have not created any invite links yet."}
          </p>
        ),
      }}
    >
      {(list) => (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {list.map((invite) => {
            const active = invite.state === "active";
            const uses =
              invite.maxUses === null
                ? `Multi-use · joined ${invite.uses}`
                : invite.maxUses === 1
                  ? `Single use${invite.uses > 0 ? " · used" : ""}`
                  : `Up to ${invite.maxUses} people · joined ${invite.uses}`;
            const created = date.format(invite.createdAt);
            return (
              <li key={invite.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-3">
                <div className="min-w-0 flex-1">
                  <p className="font-medium break-words">
                    Lands under {invite.landsUnder.name}
                    <span className="font-normal text-slate-600"> · as {ROLE_LABELS[invite.role].toLowerCase()}</span>
                  </p>
                  {invite.email && <p className="text-sm break-all text-slate-700">Invitation for {invite.email}</p>}
                  <p className="text-sm text-slate-600">
                    {uses} · Created {created} ·{" "}
                    {invite.expiresAt
                      ? `${active ? "Expires" : "Expiry"} ${date.format(invite.expiresAt)}`
                      : "Never expires"}
                  </p>
                </div>
                <span
                  className={cn(
                    "rounded-full border px-2 text-xs leading-5 font-medium",
                    active
                      ? "border-green-700 bg-green-50 text-green-800"
                      : "border-slate-400 bg-slate-50 text-slate-700",
                  )}
                >
                  {STATE_LABELS[invite.state]}
                </span>
                {active && (
                  <Button
                    size="sm"
                    variant="secondary"
                    className="min-h-11"
                    aria-label={`Revoke the link landing under ${invite.landsUnder.name}, created ${created}`}
                    busy={revoke.isPending && revoke.variables?.inviteId === invite.id}
                    onClick={() => revoke.mutate({ teamId: team.id, inviteId: invite.id })}
                  >
                    Revoke
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </QueryState>
  );
}
