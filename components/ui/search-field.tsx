"use client";
/** A labelled search box with its magnifier: the dashboard's tree search and the big branch's server search. */
import { Search } from "lucide-react";
import { cn } from "./cn";

export function SearchField({
  id,
  label,
  value,
  onChange,
  placeholder = "Name",
  maxLength,
  className,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  className?: string;
}) {
  return (
    <div className={cn("relative", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <Search aria-hidden className="pointer-events-none absolute bottom-3 left-3 size-5 text-slate-500" />
      <input
        id={id}
        type="search"
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white pr-3 pl-10 text-base"
      />
    </div>
  );
}
