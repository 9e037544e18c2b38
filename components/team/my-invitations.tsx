"use client";
/**
 * Invitations to the signed-in person's address (a leader's import), on the teams page: accept (then open the team)
 * or decline. Nobody joins a team without saying yes here or through the emailed link.
 */
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

export interface Invitation {
  id: string;
  teamName: string;
  inviterName: string;
}

export function MyInvitations({ invitations }: { invitations: Invitation[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [gone, setGone] = useState<Set<string>>(new Set());
  const accept = useMutation(
    trpc.invite.acceptInvitation.mutationOptions({
      onSuccess: (result) => {
        router.push(`/${result.teamSlug}/team`);
        router.refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  const decline = useMutation(
    trpc.invite.declineInvitation.mutationOptions({
      onSuccess: (result) => setGone((g) => new Set(g).add(result.id)),
      onError: (e) => setError(e.message),
    }),
  );
  const shown = invitations.filter((i) => !gone.has(i.id));
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="invitations" className="space-y-3">
      <h2 id="invitations" className="text-xl font-semibold">
        Invitations
      </h2>
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-700 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          {error}
        </p>
      )}
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        {shown.map((i) => (
          <li
            key={i.id}
            className="flex flex-wrap items-center gap-3 px-4 py-3"
            aria-label={`Invitation to ${i.teamName}`}
          >
            <p className="min-w-0 flex-1 break-words">
              <span className="text-lg font-medium">{i.teamName}</span>
              <span className="block text-sm text-slate-700">You would join under {i.inviterName}.</span>
            </p>
            <div className="flex gap-2">
              <Button
                busy={accept.isPending && accept.variables?.inviteId === i.id}
                onClick={() => {
                  setError(null);
                  accept.mutate({ inviteId: i.id });
                }}
              >
                Accept
              </Button>
              <Button
                variant="secondary"
                busy={decline.isPending && decline.variables?.inviteId === i.id}
                onClick={() => {
                  setError(null);
                  decline.mutate({ inviteId: i.id });
                }}
              >
                Decline
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
