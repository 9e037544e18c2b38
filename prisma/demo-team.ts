/**
 * The demo team: "North Star Collective", a network-marketing style team of 40 in four levels:
 * owner → 3 leaders → 9 uplines → 27 members, joined over the last few months.
 */
import type { TreeSpec } from "@/tests/factories";
import { DEMO_ACCOUNTS } from "./demo-accounts";

const [owner, marcus, nina] = DEMO_ACCOUNTS;

const DAY = 86_400_000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
const email = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@demo.backplan.app`;

const LEADERS = ["Priya Shah", "James O'Connor", "Sofia Rossi"];
const UPLINES = [
  [marcus.name, "Chloe Martin", "Daniel Kim"],
  ["Aisha Bello", "Tom Becker", "Grace Liu"],
  ["Lucas Silva", "Emma Novak", "Omar Haddad"],
];
const MEMBERS = [
  [nina.name, "Ethan Brooks", "Zara Ahmed"],
  ["Leo Fischer", "Maya Cohen", "Isaac Moore"],
  ["Hannah Wright", "Ryan Scott", "Amara Okafor"],
  ["Noah Evans", "Ella Turner", "Sam Price"],
  ["Mila Horvat", "Jack Lewis", "Yuki Tanaka"],
  ["Ava Nguyen", "Ben Carter", "Layla Hassan"],
  ["Finn Murphy", "Ruby Clarke", "Arjun Mehta"],
  ["Lily Walsh", "Owen Hughes", "Sara Lindqvist"],
  ["Kofi Mensah", "Ivy Chen", "Theo Laurent"],
];

export const DEMO_OWNER = owner;
export const DEMO_TEAM = {
  name: "North Star Collective",
  slug: "north-star",
  currency: "GBP",
  timeZone: "Europe/London",
  weekStartsOn: 1,
  workingDays: [1, 2, 3, 4, 5, 6],
};

/** The tree below the owner. Joined dates spread over ~5 months; Nina joined last week. */
export function demoTree(now: Date): TreeSpec[] {
  return LEADERS.map((leader, i) => ({
    name: leader,
    email: email(leader),
    role: "LEADER" as const,
    joinedAt: daysAgo(now, 150 - i * 5),
    children: UPLINES[i]!.map((upline, j) => ({
      name: upline,
      email: upline === marcus.name ? marcus.email : email(upline),
      role: upline === marcus.name ? ("LEADER" as const) : ("MEMBER" as const),
      joinedAt: daysAgo(now, 120 - j * 10),
      children: MEMBERS[i * 3 + j]!.map((member, k) => ({
        name: member,
        email: member === nina.name ? nina.email : email(member),
        joinedAt: member === nina.name ? daysAgo(now, 6) : daysAgo(now, 80 - k * 15 - j * 3),
      })),
    })),
  }));
}
