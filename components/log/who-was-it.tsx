"use client";
/**
 * "Who was it?" (issue 18): after a tap, the Log offers the people due (today's follow-ups first) and the recent ones
 * of the member's names list, one tap each, to link the tap to a person. Optional — the tap is already stored and
 * counted; closing this or ignoring it changes nothing.
 */
import Link from "next/link";

export interface WhoWasItPerson {
  id: string;
  name: string;
  due: boolean;
}

export function WhoWasIt(props: {
  what: string;
  people: readonly WhoWasItPerson[];
  namesHref: string;
  onPick: (person: WhoWasItPerson) => void;
  onClose: () => void;
}) {
  return (
    <section
      aria-labelledby="who-was-it-title"
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-3"
      data-testid="who-was-it"
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id="who-was-it-title" className="font-semibold text-slate-900">
          Who was it? <span className="font-normal text-slate-700">({props.what}, optional)</span>
        </h3>
        <button
          type="button"
          onClick={props.onClose}
          className="min-h-11 shrink-0 rounded-lg px-3 text-sm font-medium text-slate-700 underline"
        >
          Not now
        </button>
      </div>
      {props.people.length === 0 ? (
        <p className="text-sm text-slate-700">
          Nobody on your list yet.{" "}
          <Link
            href={props.namesHref}
            className="text-brand-700 inline-flex min-h-11 items-center font-medium underline"
          >
            Add people to your names list
          </Link>
        </p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {props.people.map((p) => (
            <li key={p.id} className="max-w-full">
              <button
                type="button"
                onClick={() => props.onPick(p)}
                className="min-h-11 max-w-full truncate rounded-full border border-slate-300 bg-slate-50 px-4 text-sm font-medium text-slate-900 hover:bg-slate-100"
              >
                {p.name}
                {p.due && <span className="ml-1 text-xs font-normal text-slate-700">(follow-up due)</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
