import { type Issue, issue } from '../../issues/issue';
import { documentTypeRule } from '../../tax/taxProfile';
import { type Cell, cellText, isBlank, isTooLargeNumber, parseAmountCell, parseDateCell, parseIntegerCell } from '../cells';
import { type ChoiceId, allowedChoices, parseChoice } from '../choices';
import { type ColumnMap, type TabId, TABS } from '../schema';
import type { ReadContext } from './readContext';

/**
 * One set of field readers per tab, pointed at each row in turn: closures made per row were most of
 * the garbage of a large read. Each reader reports its own problem and returns null.
 */
export function rowFields(context: ReadContext, id: TabId) {
  const { profile } = context;
  let columns: ColumnMap = {};
  let row: readonly Cell[] = [];
  let rowNumber = 0;
  let problems: Issue[] = [];
  const headerOf = (key: string): string => TABS[id].columns.find((c) => c.key === key)?.header ?? key;
  const at = (key: string): Cell => {
    const index = columns[key];
    return index === undefined ? undefined : row[index];
  };
  const report = (key: string, code: Issue['code'], params: Record<string, string | number> = {}): null => {
    problems.push(issue(code, { tab: id, row: rowNumber, column: headerOf(key) }, { value: cellText(at(key)), ...params }));
    return null;
  };
  const text = (key: string): string => cellText(at(key));
  // Each reader takes its cell once: a reader runs for every cell of a large read.
  const required = (key: string): string | null => {
    const cell = at(key);
    return isBlank(cell) ? report(key, 'required') : cellText(cell);
  };
  const integer = (key: string, min = 1): number | null => {
    const cell = at(key);
    if (isBlank(cell)) return report(key, 'required');
    const value = parseIntegerCell(cell);
    if (value === null && isTooLargeNumber(cell)) return report(key, 'amountTooLarge');
    return value === null || value < min ? report(key, 'invalidInteger') : value;
  };
  const date = (key: string, optional = false): string | null => {
    const cell = at(key);
    if (isBlank(cell)) return optional ? null : report(key, 'required');
    return parseDateCell(cell, context.readDate) ?? report(key, 'invalidDate');
  };
  const amount = (key: string, currency: string, blankIsZero = false): number | null => {
    const cell = at(key);
    if (isBlank(cell)) return blankIsZero ? 0 : report(key, 'required');
    return parseAmountCell(cell, currency) ?? report(key, isTooLargeNumber(cell) ? 'amountTooLarge' : 'invalidNumber');
  };
  const documentType = (key: string): number | null => {
    const code = integer(key);
    if (code === null) return null;
    return documentTypeRule(profile, code) ? code : report(key, 'invalidDocumentType', { allowed: profile.documentTypes.map((t) => t.code).join(', ') });
  };
  const taxId = (key: string): string | null => {
    const cell = at(key);
    if (isBlank(cell)) return report(key, 'required');
    const parsed = context.memo('taxId', cellText(cell), profile.parseTaxId);
    return parsed.ok ? parsed.value : report(key, 'invalidTaxId', { problem: parsed.problem });
  };
  // Each list's cache name and parser made once, not a new string and closure per cell.
  const choiceParsers = new Map<ChoiceId, { readonly name: string; readonly parse: (text: string) => unknown }>();
  const choiceParser = (id: ChoiceId) => {
    let parser = choiceParsers.get(id);
    if (parser === undefined) choiceParsers.set(id, (parser = { name: `choice:${id}`, parse: (t: string) => parseChoice(id, t) }));
    return parser;
  };
  /** A closed list (Origen, Estado, Moneda...): blank is `blank`, anything else must be one of the list. */
  const choice = <C extends ChoiceId>(key: string, id: C, blank: ReturnType<typeof parseChoice<C>>) => {
    const cellValue = text(key);
    if (cellValue === '') return blank;
    const parser = choiceParser(id);
    return (context.memo(parser.name, cellValue, parser.parse) as ReturnType<typeof parseChoice<C>>) ?? report(key, 'invalidChoice', { choice: id, allowed: allowedChoices(id, 'es') });
  };
  const readers = { at, text, report, required, integer, date, amount, documentType, taxId, choice };
  return (nextRow: readonly Cell[], nextRowNumber: number, rowProblems: Issue[]): typeof readers => {
    columns = context.layout[id]!.columns;
    row = nextRow;
    rowNumber = nextRowNumber;
    problems = rowProblems;
    return readers;
  };
}
