"use client";
/**
 * "Invite them to join": shown in a person's view once they reach the funnel's last stage or the outcome JOINED.
 * Makes an invite placing them directly under the member (`person.invite`, the team's invite rules): an invitation
 * mailed to their address when they have one, else a single-use link to share. Accepting it links the person to
 * their new membership.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useTRPC } from "@/trpc/react";

export function SponsorInvite({ personId, name, joined }: { personId: string; name: string; joined: boolean }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState(false);
  const invite = useMutation(
    trpc.person.invite.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.person.get.queryKey({ teamId: team.id, personId }) }),
    }),
  );
  if (joined) return <p className="text-sm text-slate-700">{name} has joined the team under you.</p>;
  const link = invite.data && typeof window !== "undefined" ? `${window.location.origin}${invite.data.path}` : null;
  return (
    <section aria-label="Invite them to join" className="space-y-2 rounded-lg border border-slate-200 p-3">
      <p className="text-sm">Ready to join? Invite {name} to the team, directly under you.</p>
      <FormAlert message={invite.error?.message} />
      {!invite.data ? (
        <Button busy={invite.isPending} onClick={() => invite.mutate({ teamId: team.id, personId })}>
          <UserPlus aria-hidden className="mr-2 size-4" /> Invite them to join
        </Button>
      ) : (
        <div role="status" className="space-y-2 text-sm">
          <p>
            {invite.data.email
              ? `${invite.data.mailed ? "We emailed" : "We made"} an invitation for ${invite.data.email}. It works only for that address; you can also share this link:`
              : "Share this single-use link with them (it works for 7 days):"}
          </p>
          <p className="rounded bg-slate-100 p-2 font-mono text-xs break-all" data-testid="sponsor-link">
            {link}
          </p>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              if (link) void navigator.clipboard?.writeText(link).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy link"}
          </Button>
        </div>
      )}
    </section>
  );
}
