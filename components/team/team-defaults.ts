/**
 * What the "Create a team" form offers and starts from: common currencies, the weekdays, and the browser's own
 * time zone and its region's currency.
 */
export const COMMON_CURRENCIES: ReadonlyArray<[string, string]> = [
  ["USD", "US dollar"],
  ["EUR", "Euro"],
  ["GBP", "British pound"],
  ["CAD", "Canadian dollar"],
  ["AUD", "Australian dollar"],
  ["NZD", "New Zealand dollar"],
  ["INR", "Indian rupee"],
  ["ZAR", "South African rand"],
  ["NGN", "Nigerian naira"],
  ["KES", "Kenyan shilling"],
  ["PHP", "Philippine peso"],
  ["SGD", "Singapore dollar"],
  ["MYR", "Malaysian ringgit"],
  ["JPY", "Japanese yen"],
  ["CNY", "Chinese yuan"],
  ["HKD", "Hong Kong dollar"],
  ["AED", "UAE dirham"],
  ["CHF", "Swiss franc"],
  ["SEK", "Swedish krona"],
  ["NOK", "Norwegian krone"],
  ["DKK", "Danish krone"],
  ["PLN", "Polish złoty"],
  ["BRL", "Brazilian real"],
  ["MXN", "Mexican peso"],
];
export const OTHER = "OTHER";

/** The usual currency of a region (the browser locale's), for the default. */
const REGION_CURRENCY: Record<string, string> = {
  US: "USD",
  GB: "GBP",
  CA: "CAD",
  AU: "AUD",
  NZ: "NZD",
  IN: "INR",
  ZA: "ZAR",
  NG: "NGN",
  KE: "KES",
  PH: "PHP",
  SG: "SGD",
  MY: "MYR",
  JP: "JPY",
  CN: "CNY",
  HK: "HKD",
  AE: "AED",
  CH: "CHF",
  SE: "SEK",
  NO: "NOK",
  DK: "DKK",
  PL: "PLN",
  BR: "BRL",
  MX: "MXN",
  IE: "EUR",
  DE: "EUR",
  FR: "EUR",
  ES: "EUR",
  IT: "EUR",
  NL: "EUR",
  BE: "EUR",
  AT: "EUR",
  PT: "EUR",
  FI: "EUR",
  GR: "EUR",
};

/** Sunday = 0 … Saturday = 6, listed from Monday. */
export const WEEKDAYS: ReadonlyArray<[number, string]> = [
  [1, "Monday"],
  [2, "Tuesday"],
  [3, "Wednesday"],
  [4, "Thursday"],
  [5, "Friday"],
  [6, "Saturday"],
  [0, "Sunday"],
];

export function browserDefaults(): { timeZone: string; currency: string } {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  let region: string | undefined;
  try {
    region = new Intl.Locale(navigator.language).maximize().region;
  } catch {
    region = undefined;
  }
  return { timeZone, currency: (region && REGION_CURRENCY[region]) ?? "USD" };
}
