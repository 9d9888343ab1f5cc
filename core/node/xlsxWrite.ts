import { constants } from 'node:buffer';
import type { ChangePlan, TabId, TabLayout } from '../index';
import type { XlsxPackage } from './xlsxRead';
import { type SheetChanges, patchSheetXml } from './xlsxSheetPatch';
import { StylesEditor } from './xlsxStyles';

export { DATE_FORMAT, INSTANT_FORMAT } from './xlsxStyles';

/** A sheet whose XML is longer than the longest string Node can hold cannot be patched: nothing is written. */
export class SheetTooLargeError extends Error {
  constructor(
    readonly sheet: string,
    readonly bytes: number,
  ) {
    super(`The sheet ${sheet} holds ${bytes} bytes of XML, more than can be rewritten; nothing was written.`);
    this.name = 'SheetTooLargeError';
  }
}

type MutableChanges = { updates: SheetChanges['updates'][number][]; appends: SheetChanges['appends'][number][]; modelRow: number | null };

/**
 * The package with the plan's cells and rows written into the sheet parts they belong to. Only
 * those sheet parts are rewritten (and styles.xml, only when a date lands where no date format
 * was); every other part of the zip is copied as the bytes it was.
 */
export async function applyPlan(
  pkg: XlsxPackage,
  layout: Readonly<Partial<Record<TabId, TabLayout>>>,
  plan: ChangePlan,
  modified: Date,
  limits: { readonly maxSheetBytes: number } = { maxSheetBytes: constants.MAX_STRING_LENGTH },
): Promise<Buffer> {
  const perPart = new Map<string, MutableChanges>();
  const sheetOfPart = new Map<string, string>();
  const changesOf = (tab: TabId): { changes: MutableChanges; tabLayout: TabLayout } => {
    const tabLayout = layout[tab];
    const part = tabLayout ? pkg.parts.sheets.find((sheet) => sheet.name === tabLayout.sheetName)?.part : undefined;
    if (!tabLayout || !part) throw new Error(`The change plan writes to the ${tab} tab, which this workbook does not have.`);
    let changes = perPart.get(part);
    if (!changes) {
      changes = { updates: [], appends: [], modelRow: tabLayout.lastRow >= 2 ? tabLayout.lastRow : null };
      perPart.set(part, changes);
      sheetOfPart.set(part, tabLayout.sheetName);
    }
    return { changes, tabLayout };
  };
  for (const update of plan.updates) changesOf(update.tab).changes.updates.push({ row: update.row, column: update.column + 1, value: update.value });
  const nextRow = new Map<TabId, number>();
  for (const append of plan.appends) {
    const { changes, tabLayout } = changesOf(append.tab);
    const row = nextRow.get(append.tab) ?? tabLayout.lastRow + 1;
    nextRow.set(append.tab, row + 1);
    changes.appends.push({ row, values: append.values });
  }

  const styles = new StylesEditor(pkg.stylesXml, pkg.formats);
  const patchStyles = { isDate: (s: number) => styles.isDate(s), dateStyleLike: (s: number, withTime: boolean) => styles.dateStyleLike(s, withTime), date1904: pkg.parts.date1904 };
  const replacements = new Map<string, Buffer>();
  for (const [part, changes] of perPart) {
    const bytes = await pkg.zip.read(part);
    if (bytes.length > limits.maxSheetBytes) throw new SheetTooLargeError(sheetOfPart.get(part) ?? part, bytes.length);
    const xml = bytes.toString('utf8');
    replacements.set(part, Buffer.from(patchSheetXml(xml, changes, patchStyles), 'utf8'));
  }
  if (styles.xml !== null && pkg.parts.stylesPart) replacements.set(pkg.parts.stylesPart, Buffer.from(styles.xml, 'utf8'));
  return pkg.zip.rewrite(replacements, modified);
}
