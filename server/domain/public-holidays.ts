/**
 * A country's public holidays for a year, from `date-holidays` (a maintained list of ~200 countries and their
 * regions). The one place the library is used: public and bank holidays only (not observances such as Mother's Day),
 * one row per day (two holidays on one day share it), names in English where the library has them. The library is
 * loaded on first use only (its data is large).
 */
import type { IsoDate } from "@/server/domain/calendar";
import { badRequest } from "@/server/errors";

type HolidaysClass = typeof import("date-holidays").default;
let library: Promise<HolidaysClass> | null = null;
const load = () => (library ??= import("date-holidays").then((m) => m.default));

export interface PublicHoliday {
  day: IsoDate;
  name: string;
}

export interface HolidayCountry {
  code: string;
  name: string;
  /** Regions with holidays of their own (e.g. Scotland), if any. */
  regions: { code: string; name: string }[];
}

const collator = new Intl.Collator("en", { sensitivity: "base" });

let countries: Promise<HolidayCountry[]> | null = null;

/** Every country the library knows, by English name, with its regions (worked out once per process). */
export function holidayCountries(): Promise<HolidayCountry[]> {
  countries ??= load().then((Holidays) => {
    const hd = new Holidays();
    return Object.entries(hd.getCountries("en"))
      .map(([code, name]) => ({
        code,
        name,
        regions: Object.entries(hd.getStates(code, "en") ?? {})
          .map(([r, n]) => ({ code: r, name: n }))
          .sort((a, b) => collator.compare(a.name, b.name)),
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
  });
  countries.catch(() => (countries = null));
  return countries;
}

/** The public (and bank) holidays of a country, or one of its regions, in a year; a 400 for an unknown place. */
export async function publicHolidays(args: {
  country: string;
  region?: string;
  year: number;
}): Promise<{ place: string; holidays: PublicHoliday[] }> {
  const Holidays = await load();
  const countries = new Holidays().getCountries("en");
  const countryName = countries[args.country];
  if (!countryName) throw badRequest("We have no holiday list for that country.", "country");
  let place = countryName;
  if (args.region) {
    const regions = new Holidays().getStates(args.country, "en") ?? {};
    const regionName = regions[args.region];
    if (!regionName) throw badRequest(`We have no holiday list for that region of ${countryName}.`, "region");
    place = `${regionName}, ${countryName}`;
  }
  const hd = args.region
    ? new Holidays(args.country, args.region, { languages: ["en"], types: ["public", "bank"] })
    : new Holidays(args.country, { languages: ["en"], types: ["public", "bank"] });
  const byDay = new Map<IsoDate, string[]>();
  for (const h of hd.getHolidays(args.year, "en")) {
    if (h.type !== "public" && h.type !== "bank") continue;
    const day = h.date.slice(0, 10);
    if (!day.startsWith(String(args.year))) continue;
    const names = byDay.get(day) ?? [];
    if (!names.includes(h.name)) names.push(h.name);
    byDay.set(day, names);
  }
  const holidays = [...byDay]
    .map(([day, names]) => ({ day, name: names.join(" / ").slice(0, 80) }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { place, holidays };
}
