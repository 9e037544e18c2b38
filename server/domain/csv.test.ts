import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("neutralises cells a spreadsheet would run as formulas, names and notes included", () => {
    const csv = toCsv(
      [
        ['=HYPERLINK("http://evil")', "+44 20 7946 0000", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "=1+1\n=2"],
        ["Ana", 'note, with "quotes"', "-12.50", "3012.50", 42, null, "a=b"],
      ],
      { fields: ["member", "note", "a", "b", "c", "d", "e"] },
    );
    const [header, evil, plain] = Papa.parse<string[]>(csv, { delimiter: ",", skipEmptyLines: true }).data;
    expect(header).toEqual(["member", "note", "a", "b", "c", "d", "e"]);
    expect(evil).toEqual([
      '\'=HYPERLINK("http://evil")',
      "'+44 20 7946 0000",
      "'-2+3",
      "'@SUM(A1)",
      "'\tTab",
      "'\rCR",
      "'=1+1\n=2",
    ]);
    expect(plain).toEqual(["Ana", 'note, with "quotes"', "-12.50", "3012.50", "42", "", "a=b"]);
    expect(csv.split("\r\n")[0]).toBe("member,note,a,b,c,d,e");
  });

  it("no cell of any text starts with a formula character once written, and quoting round-trips the rest", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [parsed] = Papa.parse<string[]>(toCsv([["row", ...cells]]), {
          delimiter: ",",
          skipEmptyLines: false,
        }).data;
        parsed!.slice(1).forEach((out, i) => {
          const typed = cells[i]!;
          expect(out).toBe(/^(?!-?\d+(\.\d+)?$)'*[=+\-@\t\r]/.test(typed) ? `'${typed}` : typed);
          expect(/^[=+@\t\r]/.test(out) || (/^-/.test(out) && !/^-?\d+(\.\d+)?$/.test(out))).toBe(false);
        });
      }),
    );
  });
});
