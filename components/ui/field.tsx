import { forwardRef, useId, type InputHTMLAttributes, type SelectHTMLAttributes } from "react";
import { cn } from "./cn";

const control =
  "block w-full min-h-11 rounded-lg border bg-white px-3 text-base text-slate-900 placeholder:text-slate-500 disabled:bg-slate-100";

interface FieldChrome {
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled input with its hint and error wired up for screen readers. */
export const TextField = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & FieldChrome>(
  function TextField({ label, error, hint, className, id, ...props }, ref) {
    const autoId = useId();
    const inputId = id ?? autoId;
    const described = [hint && `${inputId}-hint`, error && `${inputId}-error`].filter(Boolean).join(" ") || undefined;
    return (
      <div className={cn("space-y-1", className)}>
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          ref={ref}
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          className={cn(control, error ? "border-red-700" : "border-slate-300")}
          {...props}
        />
        {hint && (
          <p id={`${inputId}-hint`} className="text-sm text-slate-600">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${inputId}-error`} role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  },
);

export const SelectField = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & FieldChrome>(
  function SelectField({ label, error, hint, className, id, children, ...props }, ref) {
    const autoId = useId();
    const selectId = id ?? autoId;
    const described = [hint && `${selectId}-hint`, error && `${selectId}-error`].filter(Boolean).join(" ") || undefined;
    return (
      <div className={cn("space-y-1", className)}>
        <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <select
          ref={ref}
          id={selectId}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          className={cn(control, error ? "border-red-700" : "border-slate-300")}
          {...props}
        >
          {children}
        </select>
        {hint && (
          <p id={`${selectId}-hint`} className="text-sm text-slate-600">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${selectId}-error`} role="alert" className="text-sm font-medium text-red-700">
            {error}
          </p>
        )}
      </div>
    );
  },
);
