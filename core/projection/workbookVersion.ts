/**
 * A cheap stamp of the workbook, the same whenever nothing was written: the count of writes the
 * add-on and the edit trigger made (kept with the spreadsheet) and the row count of every tab,
 * which also moves when the bot or another tool appends a payment or a Historial line.
 */
export function workbookVersion(writes: number, rowCounts: Readonly<Record<string, number>>): string {
  const tabs = Object.keys(rowCounts)
    .sort()
    .map((name) => `${name}:${rowCounts[name]}`);
  return [`w${writes}`, ...tabs].join('|');
}
