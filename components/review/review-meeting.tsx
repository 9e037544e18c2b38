"use client";
/**
 * Meeting mode for a weekly review on a shared screen: large type, four steps — 1) scoreboard, 2) off pace,
 * 3) wins, 4) commitments (then close) — moved through with → / ← or PageDown / PageUp (as a presentation
 * clicker sends), or the step buttons. Each step's heading takes focus when it opens, so the visible focus and a
 * screen reader follow along. A closed review opens read-only, exactly as it was agreed.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, ArrowRight, Lock, Maximize, Minimize, PlayCircle } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { formatDay } from "@/components/dashboard/format";
import { useTeam } from "@/components/layout/team-context";
import { Button } from "@/components/ui/button";
import { QueryState } from "@/components/ui/query-state";
import { cn } from "@/components/ui/cn";
import { useTRPC } from "@/trpc/react";
import { CommitmentsStep } from "./commitments-step";
import { OffPaceStep } from "./off-pace-step";
import { reviewWeekText } from "./review-week-text";
import { ScoreboardStep } from "./scoreboard-step";
import type { ReviewView } from "./types";
import { WinsStep } from "./wins-step";
import { toIsoDay } from "@/server/domain/db-day";

const STEPS = ["Scoreboard", "Off pace", "Wins of the week", "Commitments"] as const;

export function ReviewMeeting({ reviewId }: { reviewId: string }) {
  const team = useTeam();
  const trpc = useTRPC();
  const review = useQuery(trpc.review.get.queryOptions({ teamId: team.id, reviewId }));
  return (
    <QueryState
      query={review}
      variant="card"
      loading="Loading the review…"
      error="Could not open this review"
      errorAction={
        <Link href={`/${team.slug}/review`} className="text-brand-700 font-medium underline">
          Back to reviews
        </Link>
      }
    >
      {(data) => <Meeting review={data} />}
    </QueryState>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function Meeting({ review }: { review: ReviewView }) {
  const team = useTeam();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [fullscreen, setFullscreen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const s = review.snapshot;
  const week = reviewWeekText(s);
  const open = review.status === "OPEN";
  const leads = team.leadsBranch;

  const go = useCallback((to: number) => {
    moved.current = true;
    setStep(Math.max(0, Math.min(STEPS.length - 1, to)));
  }, []);

  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (e.key === "ArrowRight" || e.key === "PageDown") {
        e.preventDefault();
        go(step + 1);
      } else if (e.key === "ArrowLeft" || e.key === "PageUp") {
        e.preventDefault();
        go(step - 1);
      } else if (e.key === "Home" && !e.shiftKey) {
        e.preventDefault();
        go(0);
      } else if (e.key === "End" && !e.shiftKey) {
        e.preventDefault();
        go(STEPS.length - 1);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, step]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === document.documentElement);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    // The whole document goes full screen and the stage covers it, so the page-level toaster (and any dialog
    // portalled to <body>) stays visible; making only the stage full screen hid them.
    else
      void document.documentElement
        .requestFullscreen?.()
        .catch(() => toast.error("Full screen is not available here."));
  };

  const close = useMutation(
    trpc.review.close.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Review closed. Digest sent to ${r.digestsSent} leader${r.digestsSent === 1 ? "" : "s"}.`);
        void queryClient.invalidateQueries({ queryKey: trpc.review.pathKey() });
      },
      onError: (e) => toast.error(e.message),
    }),
  );

  return (
    <div className={cn("space-y-6 bg-slate-50", fullscreen && "fixed inset-0 z-40 overflow-auto p-8")}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href={`/${team.slug}/review`} className="text-brand-700 text-sm font-medium underline">
            All reviews
          </Link>
          <h1 className="mt-1 text-2xl font-semibold sm:text-3xl">
            Weekly review · {week.name} ({week.days})
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
            <span>
              {s.root.name}&apos;s team · {s.goal.name}
            </span>
            {open ? (
              <span className="text-on-track inline-flex items-center gap-1 rounded-full border border-blue-200 bg-blue-50 px-2 text-sm font-medium">
                <PlayCircle aria-hidden className="size-4" /> Open
              </span>
            ) : (
              <span className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white px-2 text-sm font-medium text-slate-800">
                <Lock aria-hidden className="size-4" /> Closed
                {review.closedAt && ` on ${formatDay(toIsoDay(new Date(review.closedAt)))}`} · read-only
              </span>
            )}
          </p>
        </div>
        <Button variant="secondary" onClick={toggleFullscreen}>
          {fullscreen ? <Minimize aria-hidden className="size-4" /> : <Maximize aria-hidden className="size-4" />}
          {fullscreen ? "Exit full screen" : "Full screen"}
        </Button>
      </div>

      <nav aria-label="Review steps">
        <ol className="flex flex-wrap gap-2">
          {STEPS.map((name, i) => (
            <li key={name}>
              <button
                type="button"
                onClick={() => go(i)}
                aria-current={i === step ? "step" : undefined}
                className={cn(
                  "min-h-11 rounded-full border px-4 text-base font-medium",
                  i === step
                    ? "bg-brand-700 border-brand-700 text-white"
                    : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
                )}
              >
                {i + 1}. {name}
              </button>
            </li>
          ))}
        </ol>
        <p className="mt-2 text-sm text-slate-700">
          Use → or Page Down for the next step, ← or Page Up for the previous one.
        </p>
      </nav>

      <section
        aria-labelledby="review-step-heading"
        className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-10"
      >
        <h2
          id="review-step-heading"
          ref={headingRef}
          tabIndex={-1}
          className="focus-visible:outline-brand-600 focus:outline-brand-600 mb-6 rounded text-3xl font-bold outline-none focus:outline-2 focus:outline-offset-4 sm:text-4xl"
        >
          <span className="sr-only">
            Step {step + 1} of {STEPS.length}:{" "}
          </span>
          {STEPS[step]}
        </h2>
        <div className="text-xl sm:text-2xl">
          {step === 0 && <ScoreboardStep snapshot={s} currency={team.currency} />}
          {step === 1 && (
            <OffPaceStep
              snapshot={s}
              currency={team.currency}
              commitments={review.commitments}
              canReplan={open && leads}
            />
          )}
          {step === 2 && <WinsStep snapshot={s} />}
          {step === 3 && <CommitmentsStep review={review} currency={team.currency} />}
        </div>
        {step === 3 && open && leads && (
          <div className="mt-8 flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
            <Button
              size="lg"
              onClick={() => close.mutate({ teamId: team.id, reviewId: review.id })}
              busy={close.isPending}
            >
              <Lock aria-hidden className="size-5" /> Close the review and send the digest
            </Button>
            <p className="text-base text-slate-700">
              Commitments are saved with the review; the leaders get the digest by email.
            </p>
          </div>
        )}
        {step === 3 && !open && review.digestSentAt && (
          <p className="mt-8 border-t border-slate-200 pt-6 text-base text-slate-700">
            The digest was sent to the leaders.
          </p>
        )}
      </section>

      <div className="flex justify-between gap-3">
        <Button variant="secondary" size="lg" onClick={() => go(step - 1)} disabled={step === 0}>
          <ArrowLeft aria-hidden className="size-5" /> Previous
        </Button>
        <Button variant="secondary" size="lg" onClick={() => go(step + 1)} disabled={step === STEPS.length - 1}>
          Next <ArrowRight aria-hidden className="size-5" />
        </Button>
      </div>
    </div>
  );
}
