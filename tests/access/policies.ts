/**
 * Expected outcomes per actor, named once. `ok` = the call succeeds; `denied` = FORBIDDEN or NOT_FOUND (a
 * service may say "not found" rather than confirm that something exists); `UNAUTHORIZED` = must sign in first;
 * `ok-unchanged` = the call answers (e.g. with row-level errors) but must not change anything.
 */
import type { Actor } from "./world";

export type Outcome = "ok" | "denied" | "UNAUTHORIZED" | "ok-unchanged";
export type Policy = Record<Actor, Outcome>;

const policy = (ok: readonly Actor[]): Policy => ({
  anonymous: ok.includes("anonymous") ? "ok" : "UNAUTHORIZED",
  outsider: ok.includes("outsider") ? "ok" : "denied",
  member: ok.includes("member") ? "ok" : "denied",
  sibling: ok.includes("sibling") ? "ok" : "denied",
  upline: ok.includes("upline") ? "ok" : "denied",
  otherLeader: ok.includes("otherLeader") ? "ok" : "denied",
  owner: ok.includes("owner") ? "ok" : "denied",
});

/** Anyone, signed in or not. */
export const PUBLIC: Policy = policy(["anonymous", "outsider", "member", "sibling", "upline", "otherLeader", "owner"]);
/** Any signed-in user (about their own account, not about the subject's data). */
export const SIGNED_IN: Policy = policy(["outsider", "member", "sibling", "upline", "otherLeader", "owner"]);
/** Any member of the team, about themselves or the team as a whole (no subject data). */
export const TEAM_MEMBER: Policy = policy(["member", "sibling", "upline", "otherLeader", "owner"]);
/** Whoever can SEE the subject: the subject's upline chain (here leaderA, the owner). */
export const SUBJECT_VIEWER: Policy = policy(["upline", "owner"]);
/** Whoever MANAGES the subject: a leader above it, or the owner. */
export const SUBJECT_MANAGER: Policy = policy(["upline", "owner"]);
/** The owner only. */
export const OWNER_ONLY: Policy = policy(["owner"]);
/** The owner and every leader of the team (team-wide settings leaders share, e.g. the team's holidays). */
export const TEAM_LEADERS: Policy = policy(["upline", "otherLeader", "owner"]);
/** No one: things that belong to the subject alone (e.g. their own days off), which no other actor may touch. */
export const NOBODY: Policy = policy([]);
