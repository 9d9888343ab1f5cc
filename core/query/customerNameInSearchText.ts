/**
 * Where the folded customer name lies in a view's searchText. buildLedger writes it as
 * `<type>-<number> <number> <customer name> <rut digits>`, so the name runs from after the
 * second space to the last one. Reading it in place keeps `cliente:` and `orden:cliente`
 * free of per-row folding and allocation on large ledgers.
 */
export function customerNameStart(searchText: string): number {
  return searchText.indexOf(' ', searchText.indexOf(' ') + 1) + 1;
}

export function customerNameEnd(searchText: string, start: number): number {
  const end = searchText.lastIndexOf(' ');
  return end < start ? searchText.length : end;
}

/** Whether the folded `text` appears within the customer name part of `searchText`. */
export function customerNameIncludes(searchText: string, text: string): boolean {
  const start = customerNameStart(searchText);
  const found = searchText.indexOf(text, start);
  return found !== -1 && found + text.length <= customerNameEnd(searchText, start);
}

/** Orders two views' folded customer names without cutting them out. */
export function compareCustomerNames(a: string, b: string): number {
  let i = customerNameStart(a);
  let j = customerNameStart(b);
  const aEnd = customerNameEnd(a, i);
  const bEnd = customerNameEnd(b, j);
  for (; i < aEnd && j < bEnd; i++, j++) {
    const diff = a.charCodeAt(i) - b.charCodeAt(j);
    if (diff !== 0) return diff;
  }
  return aEnd - i - (bEnd - j);
}
