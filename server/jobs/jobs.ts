/**
 * Every background job the worker runs: one import and one entry each (keep the list sorted by name).
 * A definition lives beside its service (server/services/<key>/<name>.job.ts); see server/jobs/define-job.ts.
 */
import type { JobDefinition } from "./define-job";
import { behindPaceJob } from "@/server/services/alerts/behind-pace.job";
import { commitmentDueJob } from "@/server/services/alerts/commitment-due.job";
import { goalClosedJob } from "@/server/services/alerts/goal-closed.job";
import { weeklyDigestJob } from "@/server/services/email/weekly-digest.job";
import { keepViewsAheadJob } from "@/server/services/progress/keep-views-ahead.job";
import { dispatchPushJob } from "@/server/services/push/dispatch-push.job";
import { remindersTickJob } from "@/server/services/reminder/reminders.job";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own data type
export const JOBS: readonly JobDefinition<any>[] = [
  behindPaceJob,
  commitmentDueJob,
  goalClosedJob,
  keepViewsAheadJob,
  weeklyDigestJob,
  dispatchPushJob,
  remindersTickJob,
];
