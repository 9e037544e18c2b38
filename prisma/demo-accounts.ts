/** The demo team's sign-in accounts, listed on the sign-in page in demo mode (BACKPLAN_DEMO=1). */
export const DEMO_PASSWORD = "backplan-demo";

export const DEMO_ACCOUNTS = [
  { email: "olivia@demo.backplan.app", name: "Olivia Hart", label: "Team leader (owner)" },
  { email: "marcus@demo.backplan.app", name: "Marcus Reed", label: "Mid-level upline" },
  { email: "nina@demo.backplan.app", name: "Nina Patel", label: "New member" },
] as const;

/** The demo team's published team goal (prisma/demo-plan.ts); the e2e finds it by this name. */
export const DEMO_GOAL_NAME = "£50,000 team volume";

export const isDemoMode = () => process.env.BACKPLAN_DEMO === "1";
