"use client";
/**
 * Create an invite link: whom newcomers land under (owner/leaders may pick anyone in their subtree),
 * their role (owner/leaders), single- or multi-use, and expiry. The raw link is shown once, with Copy.
 * Below: the viewer's invite links with Revoke.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Copy } from "lucide-react";
import { useId, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { setServerErrors } from "@/components/ui/form-error";
import { ZId } from "@/server/schemas/common";
import { ZCreateInviteInput } from "@/server/schemas/invite";
import { useTRPC } from "@/trpc/react";
import { DialogShell } from "./dialog-shell";
import { InviteLinks } from "./invite-links";
import { MemberPicker } from "./member-picker";
import type { TreeIndex } from "./tree-model";
import type { MemberNode } from "./types";

export function InviteDialog({
  open,
  onOpenChange,
  initialParentId,
  index,
  sortedNodes,
  returnFocusTo,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initialParentId: string;
  index: TreeIndex<MemberNode>;
  /** Everyone the viewer can see, sorted by name. */
  sortedNodes: readonly MemberNode[];
  returnFocusTo?: string;
}) {
  const team = useTeam();
  const canChoose = team.role !== "MEMBER";
  return (
    <DialogShell
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      title="Invite people"
      description={
        canChoose
          ? "Create a link to send by message or email. Whoever opens it and joins lands in your tree where you choose."
          : "Create a link to send by message or email. Whoever opens it and joins lands directly under you."
      }
    >
      <InviteForm key={initialParentId} initialParentId={initialParentId} index={index} sortedNodes={sortedNodes} />
      <section aria-labelledby="invite-links-heading" className="mt-8 space-y-3">
        <h3 id="invite-links-heading" className="text-lg font-semibold">
          {team.role === "OWNER" ? "The team's invite links" : "Your invite links"}
        </h3>
        <InviteLinks />
      </section>
    </DialogShell>
  );
}

/** The form as chosen (radio and select values) → the `invite.create` fields; no number is typed here. */
const EXPIRY_DAYS = { "1": 1, "7": 7, "30": 30, never: null } as const;
const ZInviteForm = z.object({
  parentId: z.string().pipe(ZId),
  role: ZCreateInviteInput.shape.role.unwrap(),
  maxUses: z.enum(["single", "multi"]).transform((uses) => (uses === "single" ? 1 : null)),
  expiresInDays: z.enum(["1", "7", "30", "never"]).transform((days) => EXPIRY_DAYS[days]),
});
type InviteIn = z.input<typeof ZInviteForm>;
type InviteOut = z.output<typeof ZInviteForm>;

function InviteForm({
  initialParentId,
  index,
  sortedNodes,
}: {
  initialParentId: string;
  index: TreeIndex<MemberNode>;
  sortedNodes: readonly MemberNode[];
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canChoose = team.role !== "MEMBER";
  const [picking, setPicking] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<InviteIn, unknown, InviteOut>({
    resolver: zodResolver(ZInviteForm),
    defaultValues: { parentId: initialParentId, role: "MEMBER", maxUses: "single", expiresInDays: "7" },
  });
  const errors = formState.errors;
  const parentId = useWatch({ control, name: "parentId" });

  const parent = index.byId.get(parentId);
  const parentLabel = parentId === team.membershipId ? "you" : (parent?.name ?? "the chosen member");

  const create = useMutation(
    trpc.invite.create.mutationOptions({
      onSuccess: async (invite) => {
        setLink(`${window.location.origin}${invite.path}`);
        await queryClient.invalidateQueries(trpc.invite.list.pathFilter());
      },
      onError: (err) => setServerErrors(err, setError, ["parentId", "role", "maxUses", "expiresInDays"]),
    }),
  );
  const submit = handleSubmit((v) => create.mutate({ teamId: team.id, ...v, role: canChoose ? v.role : "MEMBER" }));

  if (link) {
    return <CreatedLink link={link} landsUnder={parentLabel} onAnother={() => setLink(null)} />;
  }

  return (
    <form className="space-y-5" onSubmit={(e) => void submit(e)} noValidate>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-800">New people join under</p>
        {!picking ? (
          <div className="flex flex-wrap items-center gap-3">
            <p className="font-medium">
              {parentId === team.membershipId ? `You (${parent?.name ?? "me"})` : parentLabel}
            </p>
            {canChoose && sortedNodes.length > 1 && (
              <Button variant="secondary" size="sm" className="min-h-11" onClick={() => setPicking(true)}>
                Change<span className="sr-only"> who they join under</span>
              </Button>
            )}
          </div>
        ) : (
          <Controller
            control={control}
            name="parentId"
            render={({ field }) => (
              <MemberPicker
                legend="Choose who they join under"
                candidates={sortedNodes}
                value={field.value}
                onChange={field.onChange}
                meId={team.membershipId}
                uplineName={(n) => (n.parentId ? index.byId.get(n.parentId)?.name : undefined)}
              />
            )}
          />
        )}
        <FieldError message={errors.parentId?.message} />
      </div>

      {canChoose && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">They join as</legend>
          <div className="flex flex-wrap gap-2">
            {(["MEMBER", "LEADER"] as const).map((r) => (
              <label key={r} className={choiceClass}>
                <input type="radio" value={r} {...register("role")} className="accent-brand-600 size-5" />
                {r === "MEMBER" ? "Member" : "Leader"}
              </label>
            ))}
          </div>
          <FieldError message={errors.role?.message} />
        </fieldset>
      )}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Who can use the link</legend>
        <div className="flex flex-col gap-2">
          <label className={choiceClass}>
            <input type="radio" value="single" {...register("maxUses")} className="accent-brand-600 size-5" />
            One person (single use)
          </label>
          <label className={choiceClass}>
            <input type="radio" value="multi" {...register("maxUses")} className="accent-brand-600 size-5" />
            Anyone who has it (multi-use)
          </label>
        </div>
        <FieldError message={errors.maxUses?.message} />
      </fieldset>

      <SelectField
        label="Link stops working after"
        {...register("expiresInDays")}
        error={errors.expiresInDays?.message}
        className="sm:max-w-xs"
      >
        <option value="1">1 day</option>
        <option value="7">7 days</option>
        <option value="30">30 days</option>
        <option value="never">Never (until you revoke it)</option>
      </SelectField>

      {errors.root?.server?.message && (
        <p
          role="alert"
          className="rounded-lg border border-red-700 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
        >
          {errors.root.server.message}
        </p>
      )}
      <Button type="submit" busy={create.isPending} className="w-full sm:w-auto">
        {create.isPending ? "Creating link…" : "Create invite link"}
      </Button>
    </form>
  );
}

/** A group's error (a radio group or the member list), announced. */
function FieldError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-sm font-medium text-red-700">
      {message}
    </p>
  );
}

const choiceClass =
  "flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50";

function CreatedLink({ link, landsUnder, onAnother }: { link: string; landsUnder: string; onAnother: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      toast.success("Invite link copied.");
    } catch {
      const input = document.getElementById(`${id}-link`) as HTMLInputElement | null;
      input?.focus();
      input?.select();
      toast.message("Copy the selected link with your keyboard or the share menu.");
    }
  }

  return (
    <div className="space-y-4">
      <div role="status" className="rounded-lg border border-amber-700 bg-amber-50 px-3 py-2 text-amber-900">
        <p className="font-semibold">Copy this link now — it is shown only once.</p>
        <p className="text-sm">For safety Backplan does not keep it. If you lose it, revoke it and create a new one.</p>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-link`} className="block text-sm font-medium text-slate-800">
          Invite link (people join under {landsUnder})
        </label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <input
            id={`${id}-link`}
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="block min-h-11 w-full min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 font-mono text-sm"
          />
          <Button onClick={() => void copy()} className="shrink-0">
            {copied ? <Check aria-hidden className="size-5" /> : <Copy aria-hidden className="size-5" />}
            {copied ? "Copied" : "Copy link"}
          </Button>
        </div>
      </div>
      <Button variant="secondary" onClick={onAnother}>
        Create another link
      </Button>
    </div>
  );
}
