/**
 * The three starter templates — network marketing, sales, content/social — as data: metrics, funnels (default
 * conversion ratios) and, for network marketing, ranks. Money amounts are minor units of the team's currency.
 * A funnel step turns `from` of its metric into `to` of the next step (or of the result after the last step); when
 * the result is money, the last step's ratio is a value per action (1 sponsor → 500.00 of team volume).
 */
export type TemplateKey = "NETWORK_MARKETING" | "SALES" | "CONTENT";

export interface TemplateMetric {
  key: string;
  name: string;
  kind: "RESULT" | "ACTIVITY";
  unit: "COUNT" | "MONEY" | "MINUTES";
  minutesPerAction: number | null;
}

export interface TemplateFunnel {
  result: string;
  steps: { metric: string; from: number; to: number }[];
}

export interface TemplateRank {
  name: string;
  personalVolume: number;
  teamVolume: number;
  personallySponsored: number;
  qualifiedLegs: number;
  monthlyIncome: number;
}

export interface Template {
  key: TemplateKey;
  label: string;
  description: string;
  metrics: TemplateMetric[];
  funnels: TemplateFunnel[];
  ranks: TemplateRank[];
}

const act = (key: string, name: string, minutes: number): TemplateMetric => ({
  key,
  name,
  kind: "ACTIVITY",
  unit: "COUNT",
  minutesPerAction: minutes,
});
const count = (key: string, name: string, minutes: number | null = null): TemplateMetric => ({
  key,
  name,
  kind: "RESULT",
  unit: "COUNT",
  minutesPerAction: minutes,
});
const money = (key: string, name: string): TemplateMetric => ({
  key,
  name,
  kind: "RESULT",
  unit: "MONEY",
  minutesPerAction: null,
});

type Step = TemplateFunnel["steps"][number];
/**
 * Two funnels over the same activities: to the count result they lead to (`leadIn`), and on through one more step
 * (`valueStep`, each of those results worth so much) to the money result.
 */
const funnelPair = (
  leadIn: { result: string; steps: Step[] },
  money: { result: string; valueStep: Step },
): TemplateFunnel[] => [
  { result: money.result, steps: [...leadIn.steps, money.valueStep] },
  { result: leadIn.result, steps: [...leadIn.steps] },
];

export const TEMPLATES: Record<TemplateKey, Template> = {
  NETWORK_MARKETING: {
    key: "NETWORK_MARKETING",
    label: "Network marketing",
    description: "Contacts, follow-ups and presentations that lead to new sponsors, team volume and income; ranks.",
    metrics: [
      act("contacts", "Contacts", 5),
      act("follow_ups", "Follow-ups", 5),
      act("presentations", "Presentations", 30),
      count("sponsors", "New sponsors", 15),
      money("team_volume", "Team volume"),
      money("income", "Income"),
    ],
    funnels: funnelPair(
      {
        result: "sponsors",
        steps: [
          { metric: "contacts", from: 30, to: 15 },
          { metric: "follow_ups", from: 15, to: 10 },
          { metric: "presentations", from: 10, to: 1 },
        ],
      },
      { result: "team_volume", valueStep: { metric: "sponsors", from: 1, to: 50_000 } },
    ),
    ranks: [
      {
        name: "Bronze",
        personalVolume: 10_000,
        teamVolume: 100_000,
        personallySponsored: 2,
        qualifiedLegs: 0,
        monthlyIncome: 25_000,
      },
      {
        name: "Silver",
        personalVolume: 20_000,
        teamVolume: 500_000,
        personallySponsored: 4,
        qualifiedLegs: 2,
        monthlyIncome: 100_000,
      },
      {
        name: "Gold",
        personalVolume: 20_000,
        teamVolume: 2_000_000,
        personallySponsored: 6,
        qualifiedLegs: 3,
        monthlyIncome: 300_000,
      },
      {
        name: "Diamond",
        personalVolume: 30_000,
        teamVolume: 5_000_000,
        personallySponsored: 10,
        qualifiedLegs: 4,
        monthlyIncome: 500_000,
      },
    ],
  },
  SALES: {
    key: "SALES",
    label: "Sales",
    description: "Calls, meetings and proposals that close deals and revenue.",
    metrics: [
      act("calls", "Calls", 5),
      act("meetings", "Meetings", 45),
      act("proposals", "Proposals sent", 60),
      count("deals", "Deals won", 30),
      money("revenue", "Revenue"),
    ],
    funnels: funnelPair(
      {
        result: "deals",
        steps: [
          { metric: "calls", from: 20, to: 4 },
          { metric: "meetings", from: 4, to: 2 },
          { metric: "proposals", from: 2, to: 1 },
        ],
      },
      { result: "revenue", valueStep: { metric: "deals", from: 1, to: 250_000 } },
    ),
    ranks: [],
  },
  CONTENT: {
    key: "CONTENT",
    label: "Content / social",
    description: "Posts, replies and direct messages that grow followers and bring leads.",
    metrics: [
      act("posts", "Posts", 30),
      act("replies", "Replies and comments", 2),
      act("dms", "Direct messages", 5),
      count("leads", "Leads"),
      count("followers", "New followers"),
    ],
    funnels: [
      {
        result: "leads",
        steps: [
          { metric: "replies", from: 50, to: 10 },
          { metric: "dms", from: 10, to: 1 },
        ],
      },
      { result: "followers", steps: [{ metric: "posts", from: 1, to: 5 }] },
    ],
    ranks: [],
  },
};
