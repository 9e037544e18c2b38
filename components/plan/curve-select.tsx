/**
 * The goal's curve as the new-goal form (new-goal.tsx) and the published goal's edit form (goal-life.tsx) offer it:
 * the four curves, and the hint of a leaning curve's strength.
 */
import { forwardRef, type SelectHTMLAttributes } from "react";
import { SelectField } from "@/components/ui/field";

export const CurveSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(
  function CurveSelect(props, ref) {
    return (
      <SelectField label="Curve" ref={ref} {...props}>
        <option value="LINEAR">Steady (linear)</option>
        <option value="FRONT_LOADED">Front-loaded (more early)</option>
        <option value="BACK_LOADED">Back-loaded (more late)</option>
        <option value="CUSTOM">Custom checkpoints</option>
      </SelectField>
    );
  },
);

/** The hint under "Curve strength (%)" for a front- or back-loaded curve. */
export function curveStrengthHint(curve: string): string {
  return `How much more ${curve === "FRONT_LOADED" ? "early" : "late"}: 0 is steady, 100 the strongest. Empty: 50%.`;
}
