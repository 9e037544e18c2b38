"use client";
/**
 * The owner's irreversible actions: hand the team to another active member (confirmed in a dialog: the owner becomes
 * a leader under them), and delete the team — after downloading its entries (the CSV export) and typing its name
 * exactly. After a deletion the owner lands on /teams.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Trash2, UserRoundCog } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useTeam } from "@/components/layout/team-context";
import { DialogShell } from "@/components/team/dialog-shell";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { formErrorsFrom } from "@/components/ui/form-error";
import { useTRPC } from "@/trpc/react";

export function DangerZone({ teamName }: { teamName: string }) {
  return (
    <section aria-labelledby="danger-heading" className="space-y-3">
      <h2 id="danger-heading" className="text-lg font-semibold">
        Ownership and deletion
      </h2>
      <TransferOwnership teamName={teamName} />
      <DeleteTeam teamName={teamName} />
    </section>
  );
}

function TransferOwnership({ teamName }: { teamName: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [memberId, setMemberId] = useState("");
  const [open, setOpen] = useState(false);
  const tree = useQuery(trpc.member.tree.queryOptions({ teamId: team.id }));
  const candidates = (tree.data?.nodes ?? [])
    .filter((n) => n.id !== team.membershipId)
    .sort((a, b) => a.name.localeCompare(b.name));
  const chosen = candidates.find((n) => n.id === memberId);
  const transfer = useMutation(
    trpc.team.transferOwnership.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        toast.success(`${chosen?.name ?? "They"} now own${chosen ? "s" : ""} ${teamName}. You are a leader.`);
        await queryClient.invalidateQueries();
        router.push(`/${team.slug}/team`);
        router.refresh();
      },
    }),
  );
  const buttonId = useId();

  return (
    <Card className="space-y-4">
      <h3 className="flex items-center gap-2 font-semibold">
        <UserRoundCog aria-hidden className="size-5" /> Hand the team over
      </h3>
      <p className="text-slate-700">
        The new owner moves to the top of the tree with their own downline; you become a leader directly under them and
        keep everyone else. Only the new owner can hand it back.
      </p>
      <SelectField
        label="New owner"
        value={memberId}
        disabled={tree.isPending}
        hint={tree.isError ? "Could not load the members." : undefined}
        onChange={(e) => setMemberId(e.target.value)}
      >
        <option value="">{tree.isPending ? "Loading members…" : "Choose a member"}</option>
        {candidates.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name} ({n.role === "LEADER" ? "leader" : "member"})
          </option>
        ))}
      </SelectField>
      <Button
        id={buttonId}
        variant="secondary"
        disabled={!chosen}
        onClick={() => {
          transfer.reset();
          setOpen(true);
        }}
        className="w-full sm:w-auto"
      >
        Hand over…
      </Button>
      <DialogShell
        open={open}
        onOpenChange={setOpen}
        returnFocusTo={buttonId}
        title={`Make ${chosen?.name ?? "them"} the owner?`}
        description={`${chosen?.name ?? "They"} will own ${teamName}: its settings, its activity log and deleting it. You will be a leader under them.`}
      >
        <div className="space-y-4">
          <FormAlert
            message={transfer.error ? (formErrorsFrom(transfer.error).message ?? transfer.error.message) : null}
          />
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              busy={transfer.isPending}
              onClick={() => chosen && transfer.mutate({ teamId: team.id, membershipId: chosen.id })}
            >
              {transfer.isPending ? "Handing over…" : `Make ${chosen?.name ?? "them"} the owner`}
            </Button>
          </div>
        </div>
      </DialogShell>
    </Card>
  );
}

function DeleteTeam({ teamName }: { teamName: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const buttonId = useId();
  const remove = useMutation(
    trpc.team.delete.mutationOptions({
      onSuccess: async (r) => {
        setOpen(false);
        toast.success(`${r.name} was deleted.`);
        await queryClient.invalidateQueries(trpc.team.list.pathFilter());
        router.replace("/teams");
        router.refresh();
      },
    }),
  );
  const matches = typed.trim() === teamName;
  const error = remove.error ? formErrorsFrom(remove.error) : null;

  return (
    <Card className="space-y-4 border-red-300">
      <h3 className="flex items-center gap-2 font-semibold text-red-800">
        <Trash2 aria-hidden className="size-5" /> Delete the team
      </h3>
      <p className="text-slate-700">
        Deleting {teamName} removes its members&apos; places in it, goals, targets, entries, reviews and activity for
        good. The people keep their accounts and their other teams. Download the entries first if you may need them.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <a
          href={`/api/teams/${team.id}/entries`}
          download
          className="inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100"
        >
          <Download aria-hidden className="size-5" /> Download all entries (CSV)
        </a>
        <Button
          id={buttonId}
          variant="danger"
          onClick={() => {
            remove.reset();
            setTyped("");
            setOpen(true);
          }}
        >
          Delete team…
        </Button>
      </div>
      <DialogShell
        open={open}
        onOpenChange={setOpen}
        returnFocusTo={buttonId}
        title={`Delete ${teamName}?`}
        description="This cannot be undone. Everything of the team goes; nobody's account is deleted."
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (matches) remove.mutate({ teamId: team.id, confirmName: typed });
          }}
        >
          <TextField
            label={`Type the team's name, ${teamName}, to confirm`}
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            error={error?.fields.confirmName}
          />
          <FormAlert message={error?.message} />
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={!matches} busy={remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete this team for good"}
            </Button>
          </div>
        </form>
      </DialogShell>
    </Card>
  );
}
