/**
 * Moving a names list in and out (issue 18): a phone's contacts export (vCard 3.0 / 4.0, several cards a file, read
 * with ical.js) or a CSV file (papaparse; headers name, email, phone, handle, source, tags, notes) becomes rows of
 * people to add, each normalised and checked, with a reason per row that cannot be imported; the list goes out as
 * CSV through the one CSV home (server/domain/csv.ts, formula-safe). Pure: text in, rows out — the service decides
 * about duplicates against the member's list and writes.
 *
 * Round trip: for every list of normalised people, `parseCsv(peopleToCsv(list))` gives the same people back
 * (property-tested), the formula guard's leading quote included.
 */
import ICAL from "ical.js";
import Papa from "papaparse";
import { FORMULA_START, toCsv } from "./csv";

/** The fields a person is imported with and exported by, in the CSV's column order. */
export const PERSON_CSV_FIELDS = ["name", "email", "phone", "handle", "source", "tags", "notes"] as const;

export const PERSON_LIMITS = {
  name: 120,
  email: 254,
  phone: 40,
  handle: 80,
  source: 80,
  tag: 40,
  tags: 20,
  notes: 4000,
} as const;

/** The most people one file may hold (a phone's whole address book fits). */
export const MAX_IMPORT_ROWS = 5000;

export interface PersonDraft {
  name: string;
  email: string | null;
  phone: string | null;
  handle: string | null;
  source: string | null;
  tags: string[];
  notes: string | null;
}

/** One row of an import as the file gave it, before checks: text per field (tags as one comma-separated text). */
export type RawPerson = Partial<Record<(typeof PERSON_CSV_FIELDS)[number], string | readonly string[] | null>>;

export type ImportRow =
  { row: number; ok: true; person: PersonDraft } | { row: number; ok: false; label: string; errors: string[] };

export interface ParsedImport {
  rows: ImportRow[];
  /** A problem with the whole file (nothing could be read); rows is then empty. */
  fileError?: string;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A phone number as the names list takes it (server/schemas/person.ts). */
const PHONE = /^[+\d][\d\s().\-/]*$/;

/** A phone number as typed, or null: its digits (with a leading +) are what two numbers are compared by. */
export function phoneKey(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, "").replace(/(?!^)\+/g, "");
  return digits.replace(/\D/g, "").length >= 5 ? digits : null;
}

/** An email address compared case-insensitively. */
export function emailKey(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/**
 * Tags from a cell ("gym, Friends; work") or a list: trimmed, lower-cased (as the names list keeps them,
 * server/schemas/person.ts), empty ones dropped, each once.
 */
export function splitTags(value: string | readonly string[] | null | undefined): string[] {
  const parts = typeof value === "string" ? value.split(/[,;]/) : (value ?? []).flatMap((v) => v.split(/[,;]/));
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of parts) {
    const tag = part.replace(/\s+/g, " ").trim().toLowerCase();
    if (!tag || seen.has(tag)) continue;
    seen.add(tag);
    tags.push(tag);
  }
  return tags;
}

function text(value: string | readonly string[] | null | undefined): string {
  return (typeof value === "string" ? value : (value ?? []).join(", ")).trim();
}

/**
 * Checks and normalises one raw row: trimmed text, a lower-cased email, tags split and de-duplicated, a phone with at
 * least five digits. Either the person, or every reason the row cannot be imported (as a person reads them).
 */
export function normalisePerson(raw: RawPerson): { person: PersonDraft } | { errors: string[] } {
  const errors: string[] = [];
  const single = (field: keyof typeof PERSON_LIMITS & keyof RawPerson, label: string): string | null => {
    const value = text(raw[field]);
    if (!value) return null;
    if (CONTROL.test(value)) errors.push(`${label}: remove the control characters (such as tabs).`);
    if (value.length > PERSON_LIMITS[field]) errors.push(`${label}: at most ${PERSON_LIMITS[field]} characters.`);
    return value;
  };
  const name = single("name", "Name");
  if (!name) errors.push("Name: required.");
  const emailText = single("email", "Email");
  const email = emailText ? emailText.toLowerCase() : null;
  if (email && !EMAIL.test(email)) errors.push(`Email: "${email}" is not an email address.`);
  const phone = single("phone", "Phone");
  if (phone && !PHONE.test(phone)) errors.push(`Phone: "${phone}" is not a phone number (digits, spaces, +).`);
  else if (phone && !phoneKey(phone)) errors.push(`Phone: "${phone}" has fewer than 5 digits.`);
  const handle = single("handle", "Handle");
  const source = single("source", "Source");
  const tags = splitTags(raw.tags);
  if (tags.length > PERSON_LIMITS.tags) errors.push(`Tags: at most ${PERSON_LIMITS.tags}.`);
  if (tags.some((t) => t.length > PERSON_LIMITS.tag))
    errors.push(`Tags: each at most ${PERSON_LIMITS.tag} characters.`);
  if (tags.some((t) => CONTROL.test(t))) errors.push("Tags: remove the control characters.");
  const notesText = text(raw.notes).replace(/\r\n?/g, "\n");
  const notes = notesText ? notesText : null;
  if (notes && CONTROL_EXCEPT_LINES.test(notes)) errors.push("Notes: remove the control characters.");
  if (notes && notes.length > PERSON_LIMITS.notes) errors.push(`Notes: at most ${PERSON_LIMITS.notes} characters.`);
  if (errors.length > 0 || !name) return { errors };
  return { person: { name, email, phone, handle, source, tags, notes } };
}

function toRows(raws: readonly RawPerson[]): ImportRow[] {
  return raws.map((raw, i) => {
    const result = normalisePerson(raw);
    const row = i + 1;
    if ("person" in result) return { row, ok: true, person: result.person };
    const label = text(raw.name) || text(raw.email) || text(raw.phone) || `Row ${row}`;
    return { row, ok: false, label: label.slice(0, 80), errors: result.errors };
  });
}

function tooMany(count: number): ParsedImport | null {
  return count > MAX_IMPORT_ROWS
    ? { rows: [], fileError: `The file holds ${count} people; import at most ${MAX_IMPORT_ROWS} at a time.` }
    : null;
}

// ---------------------------------------------------------------------------------------------------------------- CSV

/** Header names people and other apps use, mapped to ours (lower-cased, spaces and _ removed). */
const HEADER_ALIASES: Record<string, (typeof PERSON_CSV_FIELDS)[number]> = {
  name: "name",
  fullname: "name",
  displayname: "name",
  email: "email",
  emailaddress: "email",
  "e-mail": "email",
  phone: "phone",
  phonenumber: "phone",
  mobile: "phone",
  tel: "phone",
  handle: "handle",
  social: "handle",
  source: "source",
  tags: "tags",
  tag: "tags",
  notes: "notes",
  note: "notes",
};

/** Undoes the formula guard of `toCsv`: "'=SUM(A1)" was written for "=SUM(A1)". */
export function fromCsvCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Reads a CSV file whose first line names the columns (name is required; unknown columns are ignored). */
export function parsePeopleCsv(csv: string): ParsedImport {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [header, ...lines] = parsed.data;
  if (!header || header.length === 0) return { rows: [], fileError: "The file is empty." };
  const columns = header.map((h) => HEADER_ALIASES[h.trim().toLowerCase().replace(/[\s_]/g, "")] ?? null);
  if (!columns.includes("name")) {
    return { rows: [], fileError: 'The first line must name the columns, with at least "name".' };
  }
  const many = tooMany(lines.length);
  if (many) return many;
  const raws = lines.map((cells) => {
    const raw: RawPerson = {};
    columns.forEach((field, i) => {
      const cell = cells[i];
      if (field && cell !== undefined && raw[field] === undefined) raw[field] = fromCsvCell(cell);
    });
    return raw;
  });
  return { rows: toRows(raws) };
}

/** The list as CSV, one person a line, in `PERSON_CSV_FIELDS` order then any extra columns; formula-safe. */
export function peopleToCsv(
  people: readonly (PersonDraft & { extra?: readonly (string | null)[] })[],
  extraFields: readonly string[] = [],
): string {
  return toCsv(
    people.map((p) => [p.name, p.email, p.phone, p.handle, p.source, p.tags.join(", "), p.notes, ...(p.extra ?? [])]),
    { fields: [...PERSON_CSV_FIELDS, ...extraFields] },
  );
}

// -------------------------------------------------------------------------------------------------------------- vCard

type Jcard = [string, unknown[], unknown[]];

/** The first value of a property, as text (a structured value joined with spaces; a tel: uri without its scheme). */
function firstText(card: ICAL.Component, name: string): string | null {
  for (const prop of card.getAllProperties(name)) {
    const value = prop.getFirstValue();
    const flat = Array.isArray(value) ? value.filter((v) => typeof v === "string" && v).join(" ") : value;
    if (typeof flat === "string" && flat.trim()) return flat.trim().replace(/^tel:/i, "");
  }
  return null;
}

/** A vCard's name: FN, else N (given, middle, family), else its organisation. */
function cardName(card: ICAL.Component): string | null {
  const fn = firstText(card, "fn");
  if (fn) return fn;
  const n = card.getFirstPropertyValue("n");
  if (Array.isArray(n)) {
    const [family, given, middle] = n.map((part) => (Array.isArray(part) ? part.join(" ") : String(part ?? "")));
    const joined = [given, middle, family].filter((p) => p?.trim()).join(" ");
    if (joined.trim()) return joined.trim();
  }
  return firstText(card, "org");
}

/** A social handle: X-SOCIALPROFILE (vCard 4 / Apple), IMPP, or a profile URL's last path part with an @. */
function cardHandle(card: ICAL.Component): string | null {
  const social = firstText(card, "x-socialprofile") ?? firstText(card, "impp");
  if (!social) return null;
  const fromUrl = /^https?:\/\/[^/]+\/(?:@)?([^/?#]+)/i.exec(social);
  if (fromUrl?.[1]) return `@${fromUrl[1]}`;
  return social.replace(/^[a-z-]+:/i, "");
}

function cardToRaw(card: ICAL.Component): RawPerson {
  const categories = card.getAllProperties("categories").flatMap((p) => p.getValues().map(String));
  return {
    name: cardName(card),
    email: firstText(card, "email"),
    phone: firstText(card, "tel"),
    handle: cardHandle(card),
    tags: categories,
    notes: firstText(card, "note"),
  };
}

/** Groups Apple writes before a property ("item1.EMAIL:…") are dropped: ical.js reads ungrouped names. */
function withoutGroups(vcf: string): string {
  return vcf.replace(/^[A-Za-z0-9-]+\.(?=[A-Za-z-]+[;:])/gm, "");
}

/** Reads a contacts export: one or more vCards (3.0 or 4.0). */
export function parsePeopleVcf(vcf: string): ParsedImport {
  const body = withoutGroups(vcf.replace(/^\uFEFF/, "").replace(/\r?\n/g, "\r\n")).trim();
  if (!/BEGIN:VCARD/i.test(body)) return { rows: [], fileError: "This is not a contacts file (no vCard found)." };
  let parsed: unknown;
  try {
    parsed = ICAL.parse(body + "\r\n");
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { rows: [], fileError: `The contacts file could not be read (${why.slice(0, 120)}).` };
  }
  const list = (Array.isArray(parsed) && typeof parsed[0] === "string" ? [parsed] : parsed) as Jcard[];
  const cards = list.filter((j) => Array.isArray(j) && j[0] === "vcard").map((j) => new ICAL.Component(j));
  if (cards.length === 0) return { rows: [], fileError: "This is not a contacts file (no vCard found)." };
  const many = tooMany(cards.length);
  if (many) return many;
  return { rows: toRows(cards.map(cardToRaw)) };
}

/** People as a vCard 4.0 file (one card each): what a phone imports, and the vCard reader's round-trip test. */
export function peopleToVcf(people: readonly PersonDraft[]): string {
  return people
    .map((p) => {
      const card = new ICAL.Component("vcard");
      card.addPropertyWithValue("version", "4.0");
      card.addPropertyWithValue("fn", p.name);
      if (p.email) card.addPropertyWithValue("email", p.email);
      if (p.phone) card.addPropertyWithValue("tel", p.phone);
      if (p.handle) card.addPropertyWithValue("x-socialprofile", p.handle);
      if (p.tags.length > 0) card.addPropertyWithValue("categories", "").setValues(p.tags);
      if (p.notes) card.addPropertyWithValue("note", p.notes);
      return card.toString();
    })
    .join("\r\n");
}

/** Which reader a file needs: by its name, else by what it holds. */
export function importFormat(fileName: string, content: string): "vcf" | "csv" {
  if (/\.(vcf|vcard)$/i.test(fileName)) return "vcf";
  if (/\.csv$/i.test(fileName)) return "csv";
  return /^\uFEFF?\s*BEGIN:VCARD/i.test(content) ? "vcf" : "csv";
}

export function parsePeople(format: "vcf" | "csv", content: string): ParsedImport {
  return format === "vcf" ? parsePeopleVcf(content) : parsePeopleCsv(content);
}
