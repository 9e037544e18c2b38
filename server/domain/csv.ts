/**
 * CSV for people's spreadsheets, written by papaparse with every text cell made safe to open: a cell that starts
 * with = + - @, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets ("CSV injection"),
 * so it is prefixed with a single quote and shown as the text it is. Plain numbers ("-12.50") are left as numbers.
 */
import Papa from "papaparse";

/**
 * Text a spreadsheet would run as a formula; a plain (signed) decimal number is not one. Text that already starts with
 * the guard's quote before such a character ("'=x") gets one more, so reading the file back (`fromCsvCell`,
 * server/domain/person-transfer.ts, drops one quote) gives exactly what was written.
 */
export const FORMULA_START = /^(?!-?\d+(\.\d+)?$)'*[=+\-@\t\r]/;

export type CsvCell = string | number | null | undefined;

/** Rows as CSV (CRLF line ends, RFC 4180 quoting), with a header line when `fields` is given. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: { fields?: readonly string[] } = {}): string {
  const data = rows.map((row) => row.map((cell) => cell ?? ""));
  const config = { escapeFormulae: FORMULA_START, newline: "\r\n" };
  return options.fields ? Papa.unparse({ fields: [...options.fields], data }, config) : Papa.unparse(data, config);
}
