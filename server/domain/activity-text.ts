/**
 * The team's activity (audit log) in plain words: one sentence per AuditEvent, "who did what to whom", for the
 * owner's activity page. Pure: the service resolves the names of the people an event mentions and passes them in.
 * Every action the services record has its sentence here; an action added later without one still reads as a
 * sentence ("made a change: goal archived") rather than failing.
 */

export interface ActivityEvent {
  action: string;
  /** The member who acted, by name (null: the system, or a member no longer known). */
  actorName: string | null;
  /** The member or goal the event is about, by name (null: not known any more, or not a member or goal). */
  subjectName: string | null;
  data: unknown;
  /** Names of the other members and goals `data` mentions (uplines of a move, a goal re-planned…), by id. */
  names: ReadonlyMap<string, string>;
}

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAY_SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Data = Record<string, unknown>;

const asData = (data: unknown): Data =>
  data && typeof data === "object" && !Array.isArray(data) ? (data as Data) : {};
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** A value as text; anything that is not a plain value (a missing or odd field of an old row) reads as "—". */
const shown = (v: unknown): string =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : "—";

/** "2027-12-25" → "25 Dec 2027" (a calendar day: no time zone involved). */
export function dayText(iso: unknown): string {
  const m = typeof iso === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return shown(iso);
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Working days as people say them: "Mon–Fri", "Mon, Wed, Fri", "every day". */
export function weekdaysText(days: unknown): string {
  if (!Array.isArray(days) || !days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) return "—";
  const set = new Set(days as number[]);
  if (set.size === 7) return "every day";
  if (set.size === 0) return "no days";
  // Listed from Monday; a run of three or more consecutive days reads as a range.
  const order = [1, 2, 3, 4, 5, 6, 0].filter((d) => set.has(d));
  const runs: number[][] = [];
  for (const d of order) {
    const last = runs.at(-1);
    const prev = last?.at(-1);
    if (last && prev !== undefined && (prev + 1) % 7 === d && !(prev === 0)) last.push(d);
    else runs.push([d]);
  }
  return runs
    .flatMap((r) =>
      r.length >= 3 ? [`${WEEKDAY_SHORT[r[0]!]}–${WEEKDAY_SHORT[r.at(-1)!]}`] : r.map((d) => WEEKDAY_SHORT[d]!),
    )
    .join(", ");
}

const backdateText = (v: unknown) => {
  const n = num(v);
  return n === null ? "—" : n === 0 ? "today only" : `${plural(n, "day")} back`;
};

const quoted = (v: unknown) => `“${shown(v)}”`;

/** A sentence for a change of one team setting (`team.setting_changed` { field, from, to }). */
function settingText(data: Data): string {
  const { field, from, to } = data;
  const on = to === true;
  switch (field) {
    case "name":
      return `renamed the team from ${quoted(from)} to ${quoted(to)}`;
    case "slug":
      return `changed the team's address from /${shown(from)} to /${shown(to)} (old links still work)`;
    case "currency":
      return `changed the currency from ${shown(from)} to ${shown(to)}`;
    case "timeZone":
      return `changed the team's time zone from ${shown(from).replaceAll("_", " ")} to ${shown(to).replaceAll("_", " ")}`;
    case "weekStartsOn":
      return `changed the first day of the week from ${WEEKDAY_NAMES[num(from) ?? -1] ?? "—"} to ${WEEKDAY_NAMES[num(to) ?? -1] ?? "—"}`;
    case "workingDays":
      return `changed the working days from ${weekdaysText(from)} to ${weekdaysText(to)}`;
    case "backdateDays":
      return `changed how far back members may log from ${backdateText(from)} to ${backdateText(to)}`;
    case "membersCanInvite":
      return on ? "let members invite people" : "stopped members from inviting people (only leaders invite now)";
    case "uplineCanEditEntries":
      return on
        ? "let uplines change the entries of their downline"
        : "stopped uplines from changing their downline's entries";
    case "leaderboardEnabled":
      return on ? "switched the leaderboard on" : "switched the leaderboard off";
    case "sponsorsLeadBranches":
      return on
        ? "let every sponsor with a downline lead their branch"
        : "kept leading a branch to leaders (sponsors without the role no longer set goals or run reviews)";
    case "leadersCanEditSettings":
      return on ? "let leaders change the team settings" : "stopped leaders from changing the team settings";
    case "reviewWeekday":
      return to === null
        ? "removed the weekly review meeting's day"
        : `set the weekly review meeting's day to ${WEEKDAY_NAMES[num(to) ?? -1] ?? "—"}`;
    case "reviewTime":
      return to === null
        ? "removed the weekly review meeting's time"
        : `set the weekly review meeting's time to ${shown(to)}`;
    case "reviewMinutes":
      return `changed the weekly review meeting's length from ${shown(from)} to ${shown(to)} minutes`;
    default:
      return `changed the setting ${shown(field)}`;
  }
}

/** "member.role_changed" → "member role changed": the fallback for an action without its own sentence. */
const actionWords = (action: string) => action.replace(/[._]+/g, " ").trim();

/** The sentence after the actor's name ("Olivia Owner" + " " + this). */
export function activityText(event: ActivityEvent): string {
  const data = asData(event.data);
  const who = event.subjectName ?? "a former member";
  const goal = event.subjectName ?? "a deleted goal";
  const name = (id: unknown, missing = "a former member") =>
    typeof id === "string" ? (event.names.get(id) ?? missing) : null;
  switch (event.action) {
    case "team.created":
      return "created the team";
    case "team.setting_changed":
      return settingText(data);
    case "team.ownership_transferred":
      return `handed the team over to ${who} and became a leader`;
    case "member.joined": {
      const upline = name(data.parentId);
      return upline ? `joined the team under ${upline}` : "joined the team";
    }
    case "member.rejoined": {
      const upline = name(data.parentId);
      return upline ? `rejoined the team under ${upline}` : "rejoined the team";
    }
    case "member.role_changed":
      return data.to === "LEADER"
        ? `made ${who} a leader`
        : data.to === "MEMBER"
          ? `made ${who} a member (no longer a leader)`
          : `changed ${who}'s role to ${shown(data.to).toLowerCase()}`;
    case "member.moved": {
      const from = name(data.from);
      const to = name(data.to);
      return from && to ? `moved ${who} from under ${from} to under ${to}` : `moved ${who} in the tree`;
    }
    case "member.removed": {
      const moved = num(data.downlineMovedUp) ?? 0;
      return moved > 0
        ? `removed ${who} from the team (${plural(moved, "person", "people")} of their downline moved up)`
        : `removed ${who} from the team`;
    }
    case "member.invited_by_import": {
      const count = num(data.count);
      return count === null ? "invited people from a file" : `invited ${plural(count, "person", "people")} from a file`;
    }
    case "member.minutes_per_day_changed": {
      const to = num(data.to);
      return to === null
        ? "cleared their minutes a day (plans assume the default)"
        : `set their minutes a day to ${to}`;
    }
    case "member.split_weight_changed": {
      const from = num(data.from);
      const to = num(data.to);
      return to === null
        ? `changed ${who}'s split weight`
        : `set ${who}'s split weight to ${to}%${from === null ? "" : ` (was ${from}%)`}`;
    }
    case "person.imported": {
      // Names lists are private (issue 18): the sentence counts people, it never names them.
      const count = num(data.count);
      const source = data.format === "vcf" ? "phone contacts" : data.format === "csv" ? "a CSV file" : "a file";
      return count === null
        ? `imported people to their names list from ${source}`
        : `imported ${plural(count, "person", "people")} to their names list from ${source}`;
    }
    // Names lists are private: these say what happened on the member's own list, never whom it was about.
    case "person.added":
      return "added someone to their names list";
    case "person.updated":
      return "updated someone on their names list";
    case "person.stage_set":
      return "moved someone on their names list to another stage";
    case "person.archived":
      return "archived someone on their names list";
    case "person.restored":
      return "restored someone on their names list";
    case "invite.created":
      return "created an invite link";
    case "invite.revoked":
      return "revoked an invite link";
    case "calendar.holiday_added":
      return `added the holiday ${quoted(data.name)} on ${dayText(data.day)}`;
    case "calendar.holiday_removed":
      return `removed the holiday ${quoted(data.name)} on ${dayText(data.day)}`;
    case "calendar.holidays_imported": {
      const days = Array.isArray(data.days) ? data.days.length : 0;
      const place = str(data.place) ?? "a country";
      return `imported ${plural(days, "public holiday")} for ${place}${num(data.year) ? ` (${shown(data.year)})` : ""}`;
    }
    case "calendar.days_off_added": {
      const days = Array.isArray(data.days) ? (data.days as unknown[]).filter((d) => typeof d === "string") : [];
      const kind = str(data.kind)?.toLowerCase().replaceAll("_", " ");
      const span =
        days.length === 0
          ? ""
          : days.length === 1
            ? ` on ${dayText(days[0])}`
            : ` from ${dayText(days[0])} to ${dayText(days.at(-1))}`;
      return `took ${plural(days.length, "day")} off${span}${kind ? ` (${kind})` : ""}`;
    }
    case "calendar.day_off_removed":
      return `cancelled their day off on ${dayText(data.day)}`;
    case "goal.archived":
      return `archived the goal ${quoted(str(data.name) ?? goal)}`;
    case "goal.restored":
      return `restored the goal ${quoted(str(data.name) ?? goal)}`;
    case "goal.draft_deleted":
      return `deleted the draft goal ${quoted(str(data.name) ?? goal)}`;
    case "goal.draft_edited":
      return `edited the draft goal ${quoted(goal)}`;
    case "goal.main_changed":
      return data.to === null || data.to === undefined
        ? `stopped ${quoted(goal)} being the main goal`
        : `made ${quoted(goal)} the main goal`;
    case "goal.next_created": {
      const from = name(data.from, "an earlier goal");
      return `created the draft goal ${quoted(goal)} for the next period from ${quoted(from)}`;
    }
    case "goal.replanned": {
      const target = name(data.goalId, "a goal");
      const since = str(data.fromDate) ? ` from ${dayText(data.fromDate)}` : "";
      return `re-planned the rest of ${quoted(target)} for ${event.subjectName ?? "a former member"}${data.branch === true ? " and their branch" : ""}${since}`;
    }
    case "goal.followTree":
      return data.to === true
        ? `let the targets of ${quoted(goal)} follow the tree (joins, moves and removals)`
        : `stopped the targets of ${quoted(goal)} following the tree`;
    case "rank.create":
      return `added the rank ${quoted(asData(data.to).name)}`;
    case "rank.update":
      return `changed the rank ${quoted(asData(data.to).name)}`;
    case "rank.plan.save":
      return `saved a plan to reach ${shown(data.rank)}${str(data.deadline) ? ` by ${dayText(data.deadline)}` : ""}`;
    default:
      return `made a change: ${actionWords(event.action)}`;
  }
}

/** The member and goal ids an event's data mentions, whose names the sentence needs. */
export function mentionedIds(action: string, data: unknown): string[] {
  const d = asData(data);
  const ids =
    action === "member.moved"
      ? [d.from, d.to]
      : action === "member.joined" || action === "member.rejoined"
        ? [d.parentId]
        : action === "goal.next_created"
          ? [d.from]
          : action === "goal.replanned"
            ? [d.goalId]
            : [];
  return ids.filter((id): id is string => typeof id === "string");
}
