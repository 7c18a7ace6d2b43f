/**
 * CSV for the owner's spreadsheet (RFC 4180): fields with a comma, quote, CR or LF are quoted and
 * quotes doubled; lines end with CRLF. A cell starting with = + - @ (or tab/CR) gets a leading ' so
 * a spreadsheet shows it as text instead of running it as a formula (a link or a name a customer
 * typed could be "=HYPERLINK(…)"). A plain decimal number ("-5.00") is left as it is: it is no
 * formula, and the owner's sums need it as a number.
 */
export function csvCell(value: string | number | boolean | undefined | null): string {
  let s = value === undefined || value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: Array<string | number | boolean | undefined | null>): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
