"use client";
/**
 * One person (a sheet over the list, full screen on a phone): how to reach them, their stage (the team's funnel, in
 * order, then the outcomes), the next follow-up, the details form and the timeline (every touch, newest first).
 * A person shared by someone in the caller's downline opens read-only, without contact details.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { setServerErrors } from "@/components/ui/form-error";
import { SelectField, TextField } from "@/components/ui/field";
import { QueryState } from "@/components/ui/query-state";
import { ZPersonForm, type TPersonFormIn, type TPersonFormOut } from "@/server/schemas/person";
import { useTRPC } from "@/trpc/react";
import { SponsorInvite } from "./sponsor-invite";
import { stageLabel, NOT_CONTACTED, type StageChoices } from "./stage-label";

const FORM_FIELDS = ["name", "phone", "email", "handle", "source", "tags", "notes", "nextFollowUp"] as const;

export function PersonSheet({
  personId,
  choices,
  onClose,
}: {
  personId: string;
  choices: StageChoices | undefined;
  onClose: () => void;
}) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const person = useQuery(trpc.person.get.queryOptions({ teamId: team.id, personId }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.person.pathKey() });

  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const setStage = useMutation(trpc.person.setStage.mutationOptions({ onSuccess: invalidate }));
  const archive = useMutation(trpc.person.archive.mutationOptions({ onSuccess: invalidate }));
  const restore = useMutation(trpc.person.restore.mutationOptions({ onSuccess: invalidate }));

  return (
    <div className="fixed inset-0 z-40 flex justify-end bg-slate-900/40" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="person-sheet-title"
        className="h-full w-full max-w-lg overflow-y-auto bg-white p-4 shadow-xl sm:p-6"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="mb-4 flex items-start justify-between gap-3">
          <h2 id="person-sheet-title" ref={heading} tabIndex={-1} className="text-xl font-semibold break-words">
            {person.data?.name ?? "Person"}
          </h2>
          <Button variant="ghost" size="sm" onClick={onClose} aria-label="Close">
            <X aria-hidden className="size-5" />
          </Button>
        </div>
        <QueryState query={person} loading="Loading the person…" error="Could not load this person">
          {(p) => (
            <div className="space-y-6">
              {!p.canEdit && (
                <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-800">
                  Shared with you by {p.owner.name} to plan together. Only {p.owner.name} can change it.
                </p>
              )}
              {p.archived && <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">Archived.</p>}
              <section className="space-y-2">
                {p.canEdit ? (
                  <SelectField
                    label="Stage"
                    value={p.outcome ?? p.stageMetricId ?? ""}
                    disabled={setStage.isPending}
                    onChange={(event) => {
                      const value = event.target.value;
                      const outcome = choices?.outcomes.find((o) => o.outcome === value);
                      setStage.mutate(
                        outcome
                          ? { teamId: team.id, personId, outcome: outcome.outcome as "JOINED" | "CUSTOMER" | "LOST" }
                          : p.outcome && value === (p.stageMetricId ?? "")
                            ? { teamId: team.id, personId, outcome: null }
                            : { teamId: team.id, personId, stageMetricId: value || null },
                      );
                    }}
                  >
                    <option value="">{NOT_CONTACTED}</option>
                    {choices?.stages
                      .filter((s) => !s.archived || s.metricId === p.stageMetricId)
                      .map((s) => (
                        <option key={s.metricId} value={s.metricId}>
                          {s.name}
                        </option>
                      ))}
                    {choices?.outcomes.map((o) => (
                      <option key={o.outcome} value={o.outcome}>
                        {o.label}
                      </option>
                    ))}
                  </SelectField>
                ) : (
                  <p>
                    <span className="font-semibold">Stage:</span> {stageLabel(choices, p)}
                  </p>
                )}
                <FormAlert message={setStage.error?.message} />
              </section>
              {p.canEdit && readyToSponsor(choices, p) && (
                <SponsorInvite personId={p.id} name={p.name} joined={p.joinedMembershipId !== null} />
              )}
              {p.canEdit ? (
                <PersonForm
                  person={p}
                  onSaved={invalidate}
                  teamId={team.id}
                  key={`${p.id}:${p.name}:${p.nextFollowUp ?? ""}`}
                />
              ) : (
                p.notes && <p className="whitespace-pre-wrap">{p.notes}</p>
              )}
              <section aria-labelledby="timeline-heading" className="space-y-2">
                <h3 id="timeline-heading" className="font-semibold">
                  Timeline
                </h3>
                {p.timeline.length === 0 ? (
                  <p className="text-sm text-slate-700">No touches yet. Log an action with {p.name} to see it here.</p>
                ) : (
                  <ol className="space-y-2">
                    {p.timeline.map((touch) => (
                      <li key={touch.id} className="rounded-lg border border-slate-200 p-3 text-sm">
                        <span className="font-medium">{touch.day}</span>
                        {touch.metricName && <span> · {touch.metricName}</span>}
                        {touch.note && <p className="mt-1 whitespace-pre-wrap text-slate-800">{touch.note}</p>}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              {p.canEdit && (
                <div>
                  {p.archived ? (
                    <Button
                      variant="secondary"
                      busy={restore.isPending}
                      onClick={() => restore.mutate({ teamId: team.id, personId })}
                    >
                      Restore to my list
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      busy={archive.isPending}
                      onClick={() => archive.mutate({ teamId: team.id, personId }, { onSuccess: onClose })}
                    >
                      Archive
                    </Button>
                  )}
                </div>
              )}
            </div>
          )}
        </QueryState>
      </div>
    </div>
  );
}

/**
 * "Sponsoring turns into a member": the invite is offered once the person reached the funnel's last (live) stage or
 * the outcome JOINED, and stays visible (as "has joined") after they joined.
 */
function readyToSponsor(
  choices: StageChoices | undefined,
  person: { stageMetricId: string | null; outcome: string | null; joinedMembershipId: string | null },
): boolean {
  if (person.joinedMembershipId || person.outcome === "JOINED") return true;
  if (person.outcome || !person.stageMetricId) return false;
  const live = choices?.stages.filter((s) => !s.archived) ?? [];
  return live.at(-1)?.metricId === person.stageMetricId;
}

interface EditablePerson {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  handle: string | null;
  source: string | null;
  tags: string[];
  notes: string | null;
  nextFollowUp: string | null;
  sharedWithUpline: boolean;
}

function PersonForm({ person, teamId, onSaved }: { person: EditablePerson; teamId: string; onSaved: () => void }) {
  const trpc = useTRPC();
  const { register, handleSubmit, setError, formState, reset } = useForm<TPersonFormIn, unknown, TPersonFormOut>({
    resolver: zodResolver(ZPersonForm),
    defaultValues: {
      name: person.name,
      phone: person.phone ?? "",
      email: person.email ?? "",
      handle: person.handle ?? "",
      source: person.source ?? "",
      tags: person.tags.join(", "),
      notes: person.notes ?? "",
      nextFollowUp: person.nextFollowUp ?? "",
      sharedWithUpline: person.sharedWithUpline,
    },
  });
  const update = useMutation(
    trpc.person.update.mutationOptions({
      onSuccess: (_data, variables) => {
        reset(undefined, { keepValues: true });
        onSaved();
        void variables;
      },
      onError: (error) => setServerErrors(error, setError, FORM_FIELDS),
    }),
  );
  const { errors, isDirty } = formState;
  const submit = handleSubmit((values) =>
    update.mutate({ teamId, personId: person.id, ...values, nextFollowUp: values.nextFollowUp || null }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Details" className="space-y-3">
      <h3 className="font-semibold">Details</h3>
      {person.phone && (
        <p className="text-sm">
          <a className="text-brand-700 underline" href={`tel:${person.phone.replace(/[^\d+]/g, "")}`}>
            Call {person.phone}
          </a>
        </p>
      )}
      <TextField label="Name" error={errors.name?.message} {...register("name")} />
      <TextField
        label="Next follow-up"
        type="date"
        error={errors.nextFollowUp?.message}
        {...register("nextFollowUp")}
      />
      <TextField label="Phone" type="tel" error={errors.phone?.message} {...register("phone")} />
      <TextField label="Email" type="email" error={errors.email?.message} {...register("email")} />
      <TextField label="Social handle" error={errors.handle?.message} {...register("handle")} />
      <TextField label="Where they came from" error={errors.source?.message} {...register("source")} />
      <TextField label="Tags" hint="Separate with commas" error={errors.tags?.message} {...register("tags")} />
      <div className="space-y-1">
        <label htmlFor={`notes-${person.id}`} className="block text-sm font-medium text-slate-800">
          Notes
        </label>
        <textarea
          id={`notes-${person.id}`}
          rows={4}
          className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
          {...register("notes")}
        />
        {errors.notes?.message && <p className="text-sm font-medium text-red-700">{errors.notes.message}</p>}
      </div>
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input type="checkbox" className="size-5" {...register("sharedWithUpline")} />
        <span>Plan with my upline (they see this person&apos;s name, stage and notes, never the contact details)</span>
      </label>
      <FormAlert message={errors.root?.server?.message} />
      <div className="flex items-center gap-3">
        <Button type="submit" busy={update.isPending} disabled={!isDirty}>
          Save
        </Button>
        {update.isSuccess && !isDirty && (
          <p role="status" className="text-sm text-slate-700">
            Saved.
          </p>
        )}
      </div>
    </form>
  );
}
