/** The starter templates a team can pick from, as the settings page shows them (no ids: nothing is applied). */
import { TEMPLATES } from "@/server/domain/metric-templates";

export function listTemplates() {
  return Object.values(TEMPLATES).map((t) => ({
    key: t.key,
    label: t.label,
    description: t.description,
    metrics: t.metrics.map((m) => m.name),
    ranks: t.ranks.map((r) => r.name),
  }));
}
