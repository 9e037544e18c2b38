import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  MAX_IMPORT_ROWS,
  importFormat,
  normalisePerson,
  parsePeopleCsv,
  parsePeopleVcf,
  peopleToCsv,
  peopleToVcf,
  phoneKey,
  splitTags,
  type PersonDraft,
} from "./person-transfer";

/** Text a person might type, formula characters, quotes, commas and non-Latin letters included. */
const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9 '"=+@,;.\-éü李]{1,16}$/);
const rawPerson = fc.record({
  name: word,
  email: fc.option(fc.emailAddress(), { nil: null }),
  phone: fc.option(fc.stringMatching(/^\+?[0-9 ()-]{5,20}$/), { nil: null }),
  handle: fc.option(word, { nil: null }),
  source: fc.option(word, { nil: null }),
  tags: fc.array(word, { maxLength: 4 }),
  notes: fc.option(
    fc.array(word, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")),
    { nil: null },
  ),
});
/** A person as the importer keeps them: whatever a raw row normalises to. */
const person = rawPerson
  .map((raw) => normalisePerson(raw))
  .filter((r): r is { person: PersonDraft } => "person" in r)
  .map((r) => r.person);

function people(rows: ReturnType<typeof parsePeopleCsv>["rows"]): PersonDraft[] {
  return rows.map((r) => {
    if (!r.ok) throw new Error(`row ${r.row}: ${r.errors.join(" ")}`);
    return r.person;
  });
}

describe("normalisePerson", () => {
  it("trims, lower-cases the email, splits and de-duplicates tags", () => {
    expect(
      normalisePerson({
        name: "  Ana Silva ",
        email: " Ana@Example.COM ",
        phone: "+44 7700 900123",
        tags: "gym, Friends; friends, ,",
        notes: "line 1\r\nline 2",
      }),
    ).toEqual({
      person: {
        name: "Ana Silva",
        email: "ana@example.com",
        phone: "+44 7700 900123",
        handle: null,
        source: null,
        tags: ["gym", "friends"],
        notes: "line 1\nline 2",
      },
    });
  });

  it("gives every reason a row cannot be imported", () => {
    const result = normalisePerson({ name: " ", email: "not-an-email", phone: "12", notes: "x".repeat(4001) });
    expect(result).toEqual({
      errors: [
        "Name: required.",
        'Email: "not-an-email" is not an email address.',
        'Phone: "12" has fewer than 5 digits.',
        "Notes: at most 4000 characters.",
      ],
    });
    expect(normalisePerson({ name: "Tab\there" })).toEqual({
      errors: ["Name: remove the control characters (such as tabs)."],
    });
  });

  it("is idempotent: a normalised person normalises to itself", () => {
    fc.assert(
      fc.property(person, (p) => {
        expect(normalisePerson(p)).toEqual({ person: p });
      }),
    );
  });

  it("compares phones by their digits", () => {
    expect(phoneKey("+44 (7700) 900-123")).toBe("+447700900123");
    expect(phoneKey("07700 900123")).toBe("07700900123");
    expect(phoneKey("12-3")).toBeNull();
    expect(splitTags(["a, b", "A"])).toEqual(["a", "b"]);
  });
});

describe("CSV", () => {
  it("round trip: export then import gives the same people", () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 8 }), (list) => {
        expect(people(parsePeopleCsv(peopleToCsv(list)).rows)).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });

  it("writes no cell a spreadsheet would run as a formula", () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 5 }), (list) => {
        const cells = Papa.parse<string[]>(peopleToCsv(list), { skipEmptyLines: true }).data.flat();
        for (const cell of cells) {
          expect(/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))).toBe(false);
        }
      }),
    );
    const csv = peopleToCsv([
      {
        name: '=HYPERLINK("http://evil")',
        email: null,
        phone: "+44 1",
        handle: "@ana",
        source: null,
        tags: [],
        notes: null,
      },
    ]);
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://evil"")",,"'+44 1","'@ana",,,`);
  });

  it("reads headers in any order and case, ignores unknown columns, numbers rows from 1", () => {
    const csv =
      'Notes,NAME,Phone Number,unknown,E-mail\r\n"a, b",Ana,07700 900123,x,ANA@x.io\r\n,,,,bad\r\nBo,Bob,,,\r\n';
    const { rows } = parsePeopleCsv(csv);
    expect(rows).toEqual([
      {
        row: 1,
        ok: true,
        person: {
          name: "Ana",
          email: "ana@x.io",
          phone: "07700 900123",
          handle: null,
          source: null,
          tags: [],
          notes: "a, b",
        },
      },
      { row: 2, ok: false, label: "bad", errors: ["Name: required.", 'Email: "bad" is not an email address.'] },
      { row: 3, ok: true, person: expect.objectContaining({ name: "Bob", notes: "Bo" }) as unknown },
    ]);
  });

  it("refuses a file without a name column, or with too many rows", () => {
    expect(parsePeopleCsv("email\r\na@b.co\r\n").fileError).toMatch(/name/);
    expect(parsePeopleCsv("").fileError).toBe("The file is empty.");
    const big = "name\r\n" + "x\r\n".repeat(MAX_IMPORT_ROWS + 1);
    expect(parsePeopleCsv(big)).toEqual({ rows: [], fileError: expect.stringContaining("at most 5000") as unknown });
  });
});

describe("vCard", () => {
  it("reads a phone's export: several cards, 3.0 and 4.0, N without FN, Apple groups, tel: uris, categories", () => {
    const vcf = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "FN:Ann Lee",
      "N:Lee;Ann;;;",
      "TEL;TYPE=CELL:+44 7700 900123",
      "item1.EMAIL;type=INTERNET:Ann@Example.com",
      "NOTE:Met at\\, the gym\\nsecond line",
      "CATEGORIES:gym,friends",
      "END:VCARD",
      "BEGIN:VCARD",
      "VERSION:4.0",
      "N:Smith;Bob;J;;",
      "TEL;VALUE=uri:tel:+1-555-0100",
      "X-SOCIALPROFILE;TYPE=instagram:https://instagram.com/bobsmith",
      "END:VCARD",
      "BEGIN:VCARD",
      "VERSION:3.0",
      "ORG:Acme Ltd",
      "END:VCARD",
      "BEGIN:VCARD",
      "VERSION:3.0",
      "EMAIL:nobody",
      "END:VCARD",
    ].join("\n");
    const { rows, fileError } = parsePeopleVcf(vcf);
    expect(fileError).toBeUndefined();
    expect(rows).toEqual([
      {
        row: 1,
        ok: true,
        person: {
          name: "Ann Lee",
          email: "ann@example.com",
          phone: "+44 7700 900123",
          handle: null,
          source: null,
          tags: ["gym", "friends"],
          notes: "Met at, the gym\nsecond line",
        },
      },
      {
        row: 2,
        ok: true,
        person: {
          name: "Bob J Smith",
          email: null,
          phone: "+1-555-0100",
          handle: "@bobsmith",
          source: null,
          tags: [],
          notes: null,
        },
      },
      { row: 3, ok: true, person: expect.objectContaining({ name: "Acme Ltd" }) as unknown },
      { row: 4, ok: false, label: "nobody", errors: ["Name: required.", 'Email: "nobody" is not an email address.'] },
    ]);
  });

  it("round trip: people written as vCards read back the same (source is not a vCard field)", () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 6 }), (list) => {
        const expected = list.map((p) => ({ ...p, source: null, handle: p.handle }));
        expect(people(parsePeopleVcf(peopleToVcf(list)).rows)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("says clearly when a file is not contacts", () => {
    expect(parsePeopleVcf("hello").fileError).toMatch(/not a contacts file/);
    expect(parsePeopleVcf("BEGIN:VCARD\nFN:x\n").fileError).toMatch(/could not be read/);
    expect(importFormat("contacts.VCF", "")).toBe("vcf");
    expect(importFormat("list.csv", "BEGIN:VCARD")).toBe("csv");
    expect(importFormat("export", "BEGIN:VCARD\r\n")).toBe("vcf");
  });
});
