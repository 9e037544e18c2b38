/**
 * Money, in one place, for every page, email, CSV and chart (server and browser alike: no I/O).
 *
 * Amounts are stored as integers in the currency's minor unit (ISO 4217: JPY 0 decimals, GBP 2, BHD 3), so ¥2,468
 * is 2468, £30.12 is 3012 and BD 1.250 is 1250. Nothing else in the code base divides or multiplies money by 100:
 * - `minorUnits(currency)`: the currency's decimals;
 * - `parseMoney(text, currency, locale)` / `parseAmount(text, unit, …)`: what a person typed → integer minor units,
 *   or one message from one consistent set ("Enter an amount like 12.50", for yen "like 1,250");
 * - `formatMoney(minor, currency, locale, { wholeUnits, compact })` / `formatAmount(amount, unit, …)`: for people;
 * - `toMajorString(minor, currency)`: for files ("3012.50", "2468", "1.250"); `toInputString` for edit fields.
 *
 * Separators follow the locale (default en-GB); typed text is read leniently — "12,50" and "1.234,56" are read as
 * people mean them whatever the locale — and always exactly (decimal text, never through floating point).
 */
export type MetricUnit = "COUNT" | "MONEY" | "MINUTES";

export const DEFAULT_LOCALE = "en-GB";

/** Amounts are stored in 32-bit integer columns (minor units for money): the largest amount a form may send. */
export const MAX_STORED_AMOUNT = 2_000_000_000;

/** Largest single logged amount (fits a PostgreSQL integer with room for daily sums). */
export const MAX_ENTRY_AMOUNT = 100_000_000;

/**
 * ISO 4217 minor units where they are not 2, and where the Intl data (CLDR) disagrees with ISO 4217 — CLDR shows
 * e.g. HUF, IDR and PKR without decimals and IQD with none instead of 3. Listed so that the server and every
 * browser, whatever its ICU version, read a stored amount the same way. Other currencies: Intl (2 for all of them).
 */
const ISO_4217_MINOR_UNITS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
  AFN: 2, ALL: 2, COP: 2, HUF: 2, IDR: 2, IRR: 2, KPW: 2, LAK: 2, LBP: 2, MGA: 2, MMK: 2, PKR: 2, RSD: 2, SLE: 2,
  SLL: 2, SOS: 2, SYP: 2, YER: 2,
}; // prettier-ignore

const digitsCache = new Map<string, number>();

/** Decimals of the currency's minor unit (ISO 4217): JPY 0, GBP/EUR/USD 2, BHD/KWD 3. */
export function minorUnits(currency: string): number {
  const code = currency.toUpperCase();
  const listed = ISO_4217_MINOR_UNITS[code];
  if (listed !== undefined) return listed;
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(code, digits);
  }
  return digits;
}

/** Minor units in one major unit: 1 for JPY, 100 for GBP, 1000 for BHD. */
export function minorPerMajor(currency: string): number {
  return 10 ** minorUnits(currency);
}

// ─── Formatting ─────────────────────────────────────────────────────────────

/**
 * Intl formatters cost more to build than the rest of a dashboard row, and pages format hundreds of amounts: each
 * is built once per locale and options. `undefined` when the locale or currency is not one Intl knows.
 */
const formatters = new Map<string, Intl.NumberFormat | undefined>();
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat | undefined {
  const key = `${locale}|${JSON.stringify(options)}`;
  if (!formatters.has(key)) {
    let f: Intl.NumberFormat | undefined;
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = undefined;
    }
    formatters.set(key, f);
  }
  return formatters.get(key);
}

export interface FormatMoneyOptions {
  /** Rounded to whole major units ("£50,000"): tiles, tables and emails that compare big amounts. */
  wholeUnits?: boolean;
  /** Short ("£50k", "¥1.2m" in en-GB): chart axes. */
  compact?: boolean;
}

/**
 * An amount for people, from minor units: "£12.50", "£500" (decimals only when there are any), "¥2,468",
 * "BHD 1.250"; "1.234,50 €" in de-DE. The symbol is the narrow one ("$", "¥"): a team has one currency.
 */
export function formatMoney(
  minor: number,
  currency: string,
  locale: string = DEFAULT_LOCALE,
  options: FormatMoneyOptions = {},
): string {
  const digits = minorUnits(currency);
  const major = minor / 10 ** digits;
  const base: Intl.NumberFormatOptions = { style: "currency", currency, currencyDisplay: "narrowSymbol" };
  const shown: Intl.NumberFormatOptions = options.compact
    ? { ...base, notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }
    : options.wholeUnits
      ? { ...base, minimumFractionDigits: 0, maximumFractionDigits: 0 }
      : { ...base, minimumFractionDigits: minor % 10 ** digits === 0 ? 0 : digits, maximumFractionDigits: digits };
  return formatter(locale, shown)?.format(major) ?? `${toMajorString(minor, currency)} ${currency}`;
}

/** Counts and minutes with the locale's grouping ("1,234", "90 min"); money through `formatMoney`. */
export function formatAmount(
  amount: number,
  unit: MetricUnit,
  currency: string,
  locale: string = DEFAULT_LOCALE,
  options: FormatMoneyOptions = {},
): string {
  if (unit === "MONEY") return formatMoney(amount, currency, locale, options);
  const f = formatter(
    locale,
    options.compact ? { notation: "compact", maximumFractionDigits: 1 } : { maximumFractionDigits: 0 },
  );
  const text = f?.format(amount) ?? String(Math.round(amount));
  return unit === "MINUTES" ? `${text} min` : text;
}

/** A formatter for one metric, for tables and charts that format many amounts. */
export function amountFormatter(
  unit: MetricUnit,
  currency: string,
  locale: string = DEFAULT_LOCALE,
  options: FormatMoneyOptions = {},
): (amount: number) => string {
  return (amount) => formatAmount(amount, unit, currency, locale, options);
}

/**
 * Minor units as an exact decimal in major units, for files: "3012.50" (GBP), "2468" (JPY), "1.250" (BHD),
 * "-0.05". No grouping, always every decimal of the currency. Non-integers are rounded to the nearest minor unit.
 */
export function toMajorString(minor: number, currency: string): string {
  const digits = minorUnits(currency);
  const value = BigInt(Math.round(minor));
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(digits + 1, "0");
  const whole = abs.slice(0, abs.length - digits);
  const fraction = abs.slice(abs.length - digits);
  return `${negative ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}`;
}

/**
 * The text an edit field starts with: "12.50" (or "12,50" where the locale writes decimals with a comma), "150" when
 * there are no decimals to show; no grouping and no symbol, so `parseMoney` reads it back as the same amount.
 */
export function toInputString(minor: number, currency: string, locale: string = DEFAULT_LOCALE): string {
  const text = toMajorString(minor, currency);
  const trimmed = /\.0+$/.test(text) ? text.replace(/\.0+$/, "") : text;
  return trimmed.replace(".", separatorsOf(locale).decimal);
}

/** The edit text of an amount of a metric: money as `toInputString`, counts and minutes as whole numbers. */
export function amountToInput(
  amount: number,
  unit: MetricUnit,
  currency: string,
  locale: string = DEFAULT_LOCALE,
): string {
  return unit === "MONEY" ? toInputString(amount, currency, locale) : String(amount);
}

/** The currency's symbol as people see it ("£", "€", "¥"), or its code. */
export function currencySymbol(currency: string, locale: string = DEFAULT_LOCALE): string {
  const f = formatter(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol" });
  return f?.formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
}

/** The keyboard an amount field wants on a phone: no decimal key for yen. */
export function amountInputMode(unit: MetricUnit, currency: string): "decimal" | "numeric" {
  return unit === "MONEY" && minorUnits(currency) > 0 ? "decimal" : "numeric";
}

// ─── Parsing ────────────────────────────────────────────────────────────────

export type ParsedAmount = { ok: true; value: number } | { ok: false; message: string };

export interface ParseOptions {
  /** Smallest amount accepted, in minor units (default 0: no negative amounts). */
  min?: number;
  /** Largest amount accepted, in minor units (default `MAX_STORED_AMOUNT`). */
  max?: number;
}

/** What one logged entry may carry: at least 1 (a penny, a yen, one call), at most `MAX_ENTRY_AMOUNT`. */
export const ENTRY_AMOUNT_LIMITS: ParseOptions = { min: 1, max: MAX_ENTRY_AMOUNT };

interface Separators {
  decimal: string;
  group: string;
}
const separatorsCache = new Map<string, Separators>();
function separatorsOf(locale: string): Separators {
  let s = separatorsCache.get(locale);
  if (!s) {
    const parts = (formatter(locale, {}) ?? new Intl.NumberFormat(DEFAULT_LOCALE)).formatToParts(1234567.5);
    s = {
      decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
      group: parts.find((p) => p.type === "group")?.value ?? ",",
    };
    separatorsCache.set(locale, s);
  }
  return s;
}

/** "12.50", "1,250" (JPY), "12.500" (BHD); "12,50" in de-DE: the example every money message gives. */
export function amountExample(currency: string, locale: string = DEFAULT_LOCALE): string {
  const digits = minorUnits(currency);
  const f = formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return f?.format(digits === 0 ? 1250 : 12.5) ?? (digits === 0 ? "1250" : "12.50");
}

/**
 * What a person typed, as integer minor units of the currency. Accepts the currency's symbol or code before or
 * after ("£1,234.50", "1.234,50 €", "JPY 1,250", "￥1,250"), grouping with commas, dots or spaces, and a decimal
 * comma or point: "12,50" is 12.50 anywhere, and a lone separator before exactly three digits ("1,250" in en-GB,
 * "1.250" in de-DE) groups thousands. Refuses, with one consistent set of messages: anything that is not a plain
 * amount (1e15, NaN, 12abc), more decimals than the currency has, amounts below `min` or above `max`.
 */
export function parseMoney(
  text: string,
  currency: string,
  locale: string = DEFAULT_LOCALE,
  options: ParseOptions = {},
): ParsedAmount {
  const digits = minorUnits(currency);
  const example = amountExample(currency, locale);
  const shown = (minor: number) => formatMoney(minor, currency, locale);
  return parseNumber(text, {
    digits,
    locale,
    min: options.min ?? 0,
    max: options.max ?? MAX_STORED_AMOUNT,
    affixOk: (affix) => isCurrencyMarker(affix, currency, locale),
    messages: {
      empty: "Enter an amount",
      invalid: `Enter an amount like ${example}`,
      precision:
        digits === 0
          ? `Enter a whole amount, like ${example}`
          : `Use at most ${digits} decimal places, like ${example}`,
      below: (min) => (min === 0 ? "Enter an amount of 0 or more" : `Enter an amount of at least ${shown(min)}`),
      above: (max) => `That amount is too large: the most is ${shown(max)}`,
    },
  });
}

/** What a person typed for a metric: money as `parseMoney`, counts and minutes as whole numbers ("1,234", "90 min"). */
export function parseAmount(
  text: string,
  unit: MetricUnit,
  currency: string,
  locale: string = DEFAULT_LOCALE,
  options: ParseOptions = {},
): ParsedAmount {
  if (unit === "MONEY") return parseMoney(text, currency, locale, options);
  const example = "12";
  const shown = (n: number) => formatAmount(n, unit, currency, locale);
  return parseNumber(text, {
    digits: 0,
    locale,
    min: options.min ?? 0,
    max: options.max ?? MAX_STORED_AMOUNT,
    affixOk: (affix, where) =>
      affix === "" || (unit === "MINUTES" && where === "suffix" && /^min(ute)?s?$/i.test(affix)),
    messages: {
      empty: "Enter a number",
      invalid: `Enter a whole number, like ${example}`,
      precision: `Enter a whole number, like ${example}`,
      below: (min) => (min === 0 ? "Enter a number of 0 or more" : `Enter a number of at least ${shown(min)}`),
      above: (max) => `That number is too large: the most is ${shown(max)}`,
    },
  });
}

/** The currency's code or one of its symbols ("£", "JP¥", "US$", "$US", "￥"), any case; "" for none. */
function isCurrencyMarker(affix: string, currency: string, locale: string): boolean {
  if (affix === "") return true;
  const a = affix.toUpperCase();
  if (a === currency.toUpperCase()) return true;
  const known = [locale, "en"].flatMap((l) =>
    (["symbol", "narrowSymbol"] as const).map((display) =>
      (
        formatter(l, { style: "currency", currency, currencyDisplay: display })
          ?.formatToParts(0)
          .find((p) => p.type === "currency")?.value ?? ""
      )
        .normalize("NFKC")
        .replace(/\s/g, "")
        .toUpperCase(),
    ),
  );
  // Any symbol with up to three letters around it reads as a currency (a typed "$" in a USD team, "R$", "HK$").
  return known.includes(a) || /^\p{L}{0,3}\p{Sc}\p{L}{0,3}$/u.test(affix);
}

interface NumberRules {
  digits: number;
  locale: string;
  min: number;
  max: number;
  affixOk: (affix: string, where: "prefix" | "suffix") => boolean;
  messages: {
    empty: string;
    invalid: string;
    precision: string;
    below: (min: number) => string;
    above: (max: number) => string;
  };
}

const MINUS = /[-\u2212]/gu;
const HAS_MINUS = /[-\u2212]/u;

function parseNumber(text: string, rules: NumberRules): ParsedAmount {
  const { messages } = rules;
  // Full-width digits and symbols (Japanese keyboards) become plain ones; spaces and apostrophes only group digits.
  const s = text.normalize("NFKC").replace(/[\s'\u2019]/gu, "");
  if (s === "") return { ok: false, message: messages.empty };
  const m = /^([^\d.,]*)([\d.,]+)([^\d.,]*)$/u.exec(s);
  if (!m) return { ok: false, message: messages.invalid };
  const [, rawPrefix = "", core = "", suffix = ""] = m;
  const minuses = rawPrefix.match(MINUS)?.length ?? 0;
  const prefix = rawPrefix.replace(MINUS, "");
  if (minuses > 1 || HAS_MINUS.test(suffix) || (prefix !== "" && suffix !== ""))
    return { ok: false, message: messages.invalid };
  if (!rules.affixOk(prefix, "prefix") || !rules.affixOk(suffix, "suffix"))
    return { ok: false, message: messages.invalid };

  const split = splitDecimal(core, separatorsOf(rules.locale));
  if (!split) return { ok: false, message: messages.invalid };
  if (split.fraction.length > rules.digits) return { ok: false, message: messages.precision };
  if (split.whole.length > 30) return { ok: false, message: messages.above(rules.max) };
  const magnitude =
    BigInt(split.whole || "0") * 10n ** BigInt(rules.digits) + BigInt(split.fraction.padEnd(rules.digits, "0") || "0");
  const value = minuses === 1 ? -magnitude : magnitude;
  if (value > BigInt(rules.max)) return { ok: false, message: messages.above(rules.max) };
  if (value < BigInt(rules.min)) return { ok: false, message: messages.below(rules.min) };
  return { ok: true, value: Number(value) };
}

/**
 * The whole and fraction digits of a run of digits, dots and commas. Both separators present: the last one is the
 * decimal. One separator, several times: grouping. One separator once: the decimal, unless it is not the locale's
 * decimal and stands before exactly three digits after one to three ("1,250" in en-GB, "1.250" in de-DE).
 */
function splitDecimal(core: string, sep: Separators): { whole: string; fraction: string } | null {
  const dots = core.split(".").length - 1;
  const commas = core.split(",").length - 1;
  let at = -1;
  if (dots > 0 && commas > 0) {
    at = Math.max(core.lastIndexOf("."), core.lastIndexOf(","));
    const mark = core[at]!;
    if (core.indexOf(mark) !== at) return null;
  } else if (dots + commas === 1) {
    const mark = dots === 1 ? "." : ",";
    const i = core.indexOf(mark);
    const groupsThousands = mark !== sep.decimal && core.length - i - 1 === 3 && i >= 1 && i <= 3;
    at = groupsThousands ? -1 : i;
  }
  const whole = (at >= 0 ? core.slice(0, at) : core).replace(/[.,]/g, "");
  const fraction = at >= 0 ? core.slice(at + 1) : "";
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === "") return null;
  return { whole, fraction };
}
