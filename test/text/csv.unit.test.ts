import { describe, expect, it } from "vitest";
import { parseDay } from "../../src/services/export.js";
import { csvCell, csvRow } from "../../src/text/csv.js";

describe("csv", () => {
  it("quotes as RFC 4180 says and keeps formulas out of the owner's spreadsheet", () => {
    expect(csvRow(["a", 'say "hi"', "x,y", "line\nbreak", 5, undefined])).toBe('a,"say ""hi""","x,y","line\nbreak",5,\r\n');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-1+2")).toBe("'-1+2");
    // A plain negative amount stays a number for the owner's sums.
    expect(csvCell("-5.00001")).toBe("-5.00001");
  });

  it("reads --since as a calendar day in UTC", () => {
    expect(parseDay("2026-03-01")).toBe(Date.UTC(2026, 2, 1));
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("1.3.2026")).toBeNull();
  });
});
