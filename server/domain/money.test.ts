import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amountExample,
  amountToInput,
  formatAmount,
  formatMoney,
  MAX_STORED_AMOUNT,
  minorUnits,
  parseAmount,
  parseMoney,
  toInputString,
  toMajorString,
} from "./money";

const CURRENCIES = ["JPY", "GBP", "EUR", "USD", "BHD"] as const;
const LOCALES = ["en-GB", "en-US", "de-DE", "fr-FR", "ja-JP"] as const;
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: MAX_STORED_AMOUNT }),
  fc.integer({ min: 0, max: 100_000 }),
  fc.constantFrom(0, 1, 5, 10, 99, 100, 999, 1000, 1250, 2468, 123_456, 5_000_000, MAX_STORED_AMOUNT),
);

describe("minor units (ISO 4217)", () => {
  it("knows the decimals of each currency, where Intl's data disagrees too", () => {
    expect([minorUnits("JPY"), minorUnits("GBP"), minorUnits("EUR"), minorUnits("USD")]).toEqual([0, 2, 2, 2]);
    expect([minorUnits("BHD"), minorUnits("KWD"), minorUnits("jpy")]).toEqual([3, 3, 0]);
    // CLDR shows these without decimals; ISO 4217 (and so the stored amounts) has them.
    expect([minorUnits("HUF"), minorUnits("IDR"), minorUnits("IQD")]).toEqual([2, 2, 3]);
  });
});

describe("formatMoney", () => {
  it("reads minor units in the currency's own decimals", () => {
    expect(formatMoney(2468, "JPY")).toBe("¥2,468");
    expect(formatMoney(246_800, "GBP")).toBe("£2,468");
    expect(formatMoney(301_250, "GBP")).toBe("£3,012.50");
    expect(formatMoney(1250, "BHD")).toBe("BHD\u00a01.250");
    expect(formatMoney(1999, "USD")).toBe("$19.99");
    expect(formatMoney(123_450, "EUR", "de-DE")).toBe("1.234,50\u00a0€");
  });

  it("rounds to whole units for tiles and emails, shortens for chart axes", () => {
    expect(formatMoney(5_000_000, "GBP", "en-GB", { wholeUnits: true })).toBe("£50,000");
    expect(formatMoney(5_000_050, "GBP", "en-GB", { wholeUnits: true })).toBe("£50,001");
    expect(formatMoney(55_600, "JPY", "en-GB", { wholeUnits: true })).toBe("¥55,600");
    expect(formatMoney(5_000_000, "GBP", "en-GB", { compact: true })).toBe("£50k");
    expect(formatMoney(1_200_000, "JPY", "en-US", { compact: true })).toBe("¥1.2M");
  });

  it("formats counts and minutes as before", () => {
    expect(formatAmount(1234, "COUNT", "GBP")).toBe("1,234");
    expect(formatAmount(90, "MINUTES", "GBP")).toBe("90 min");
    expect(formatAmount(2468, "MONEY", "JPY")).toBe("¥2,468");
    expect(formatAmount(1_234_567, "COUNT", "JPY", "de-DE")).toBe("1.234.567");
  });
});

describe("toMajorString (files)", () => {
  it("writes exact major units with every decimal of the currency", () => {
    expect(toMajorString(301_250, "GBP")).toBe("3012.50");
    expect(toMajorString(2468, "JPY")).toBe("2468");
    expect(toMajorString(1250, "BHD")).toBe("1.250");
    expect(toMajorString(5, "GBP")).toBe("0.05");
    expect(toMajorString(-5, "GBP")).toBe("-0.05");
    expect(toMajorString(0, "BHD")).toBe("0.000");
  });

  it("is the exact decimal of the amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_STORED_AMOUNT, max: MAX_STORED_AMOUNT }),
        fc.constantFrom(...CURRENCIES),
        (minor, currency) => {
          const text = toMajorString(minor, currency);
          expect(text).toMatch(
            minorUnits(currency) === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${minorUnits(currency)}}$`),
          );
          expect(Number(text.replace(".", ""))).toBe(minor);
        },
      ),
    );
  });
});

describe("parseMoney", () => {
  it("reads what people type", () => {
    expect(parseMoney("12", "GBP")).toEqual({ ok: true, value: 1200 });
    expect(parseMoney("12.3", "GBP")).toEqual({ ok: true, value: 1230 });
    expect(parseMoney("12,30", "EUR")).toEqual({ ok: true, value: 1230 });
    expect(parseMoney("£1,234.56", "GBP")).toEqual({ ok: true, value: 123_456 });
    expect(parseMoney("1.234,56", "EUR")).toEqual({ ok: true, value: 123_456 });
    expect(parseMoney("1 234", "GBP")).toEqual({ ok: true, value: 123_400 });
    expect(parseMoney("0.29", "GBP")).toEqual({ ok: true, value: 29 });
    expect(parseMoney("2,468", "JPY")).toEqual({ ok: true, value: 2468 });
    expect(parseMoney("￥２，４６８", "JPY", "ja-JP")).toEqual({ ok: true, value: 2468 });
    expect(parseMoney("JPY 2468", "JPY")).toEqual({ ok: true, value: 2468 });
    expect(parseMoney("1.250", "BHD")).toEqual({ ok: true, value: 1250 });
    expect(parseMoney("1.250", "EUR", "de-DE")).toEqual({ ok: true, value: 125_000 });
    expect(parseMoney("1 234,50 £GB", "GBP", "fr-FR")).toEqual({ ok: true, value: 123_450 });
    expect(parseMoney("-3", "GBP", "en-GB", { min: -10_000 })).toEqual({ ok: true, value: -300 });
  });

  it("refuses with one consistent set of messages (yen: no decimals, and every message says so alike)", () => {
    const yen = (text: string) => parseMoney(text, "JPY");
    expect(yen("12.50")).toEqual({ ok: false, message: "Enter a whole amount, like 1,250" });
    expect(yen("1e15")).toEqual({ ok: false, message: "Enter an amount like 1,250" });
    expect(parseMoney("1e15", "GBP")).toEqual({ ok: false, message: "Enter an amount like 12.50" });
    expect(parseMoney("NaN", "GBP")).toEqual({ ok: false, message: "Enter an amount like 12.50" });
    expect(parseMoney("Infinity", "USD")).toEqual({ ok: false, message: "Enter an amount like 12.50" });
    expect(parseMoney("12abc", "GBP")).toEqual({ ok: false, message: "Enter an amount like 12.50" });
    expect(parseMoney("1.2.3,4,5", "GBP")).toEqual({ ok: false, message: "Enter an amount like 12.50" });
    expect(parseMoney("", "GBP")).toEqual({ ok: false, message: "Enter an amount" });
    expect(parseMoney("12.345", "GBP")).toEqual({ ok: false, message: "Use at most 2 decimal places, like 12.50" });
    expect(parseMoney("1.2345", "BHD")).toEqual({ ok: false, message: "Use at most 3 decimal places, like 12.500" });
    expect(parseMoney("12,345", "EUR", "de-DE")).toEqual({
      ok: false,
      message: "Use at most 2 decimal places, like 12,50",
    });
    expect(parseMoney("-3", "GBP")).toEqual({ ok: false, message: "Enter an amount of 0 or more" });
    expect(parseMoney("0", "GBP", "en-GB", { min: 1 })).toEqual({
      ok: false,
      message: "Enter an amount of at least £0.01",
    });
    expect(parseMoney("1,000,001", "GBP", "en-GB", { max: 100_000_000 })).toEqual({
      ok: false,
      message: "That amount is too large: the most is £1,000,000",
    });
    expect(parseMoney("99999999999999999999999", "JPY")).toMatchObject({ ok: false, message: /too large/ });
    expect(amountExample("EUR", "fr-FR")).toBe("12,50");
  });

  it("never throws and gives an amount in range or one of its messages, whatever is typed", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 24 }),
        fc.constantFrom(...CURRENCIES),
        fc.constantFrom(...LOCALES),
        (text, currency, locale) => {
          const r = parseMoney(text, currency, locale);
          if (r.ok) {
            expect(Number.isSafeInteger(r.value)).toBe(true);
            expect(r.value).toBeGreaterThanOrEqual(0);
            expect(r.value).toBeLessThanOrEqual(MAX_STORED_AMOUNT);
          } else {
            expect(r.message).toMatch(
              /^(Enter an amount|Enter a whole amount, like|Use at most \d decimal places, like|That amount is too large)/,
            );
          }
        },
      ),
    );
  });
});

describe("round trips: JPY, GBP, EUR, USD, BHD in en-GB, en-US, de-DE, fr-FR, ja-JP", () => {
  it("parse(format(x)) = x", () => {
    fc.assert(
      fc.property(amountArb, fc.constantFrom(...CURRENCIES), fc.constantFrom(...LOCALES), (minor, currency, locale) => {
        expect(parseMoney(formatMoney(minor, currency, locale), currency, locale)).toEqual({ ok: true, value: minor });
        expect(parseMoney(toInputString(minor, currency, locale), currency, locale)).toEqual({
          ok: true,
          value: minor,
        });
        expect(parseMoney(toMajorString(minor, currency), currency, "en-GB")).toEqual({ ok: true, value: minor });
      }),
      { numRuns: 500 },
    );
  });

  it("format(parse(x)) = x for what the formatter writes", () => {
    fc.assert(
      fc.property(amountArb, fc.constantFrom(...CURRENCIES), fc.constantFrom(...LOCALES), (minor, currency, locale) => {
        const shown = formatMoney(minor, currency, locale);
        const parsed = parseMoney(shown, currency, locale);
        expect(parsed.ok && formatMoney(parsed.value, currency, locale)).toBe(shown);
      }),
      { numRuns: 500 },
    );
  });

  it("counts and minutes round-trip through the edit field", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_STORED_AMOUNT }),
        fc.constantFrom("COUNT" as const, "MINUTES" as const),
        fc.constantFrom(...LOCALES),
        (n, unit, locale) => {
          expect(parseAmount(amountToInput(n, unit, "GBP", locale), unit, "GBP", locale)).toEqual({
            ok: true,
            value: n,
          });
          expect(parseAmount(formatAmount(n, unit, "GBP", locale), unit, "GBP", locale)).toEqual({
            ok: true,
            value: n,
          });
        },
      ),
    );
  });
});
