import {
  type ImportProblem,
  type Locale,
  type Reconciliation,
  RECONCILED_FIELD_LABELS,
  decodeImportFile,
  documentKey,
  f29Debits,
  f29Table,
  fileOutcomeLine,
  formatDateCl,
  formatImportProblem,
  formatMoney,
  refusalLines,
} from '../../core';
import type { SiiImportAnswer, SiiUpload } from '../server/siiApi';
import type { App } from './app';
import { h } from './dom';
import { callServer } from './serverClient';

// The SII section: the accountant picks RCV or DTE files, the browser reads and decodes them
// (Apps Script has no TextDecoder), the server previews and imports them in one call, and
// reconciles the workbook's month with an RCV export. The F29 débitos come from the loaded book.

const TEXT = {
  es: {
    tab: 'SII',
    title: 'Documentos del SII',
    pick: 'Archivos RCV (CSV) o DTE (XML)',
    preview: 'Revisar',
    import: 'Importar',
    reconcile: 'Conciliar con el RCV',
    month: 'Mes',
    monthHint: 'vacío: el del RCV',
    added: 'Se agregarán',
    present: 'Ya están en el libro',
    refused: 'Rechazado: no se importará nada',
    imported: (n: number) => `Se importaron ${n} documentos.`,
    nothingNew: 'No hay documentos nuevos.',
    onlyInRcv: 'Solo en el RCV',
    onlyInWorkbook: 'Solo en el libro',
    differences: 'Diferencias',
    claimed: 'Reclamados por el cliente',
    none: 'ninguno',
    counts: (r: Reconciliation) => `RCV ${r.counts.rcv} · libro ${r.counts.workbook} · coinciden ${r.counts.matched}`,
    f29: 'F29: débitos del mes',
    needRcv: 'Elija una exportación de ventas del RCV para conciliar.',
    workbook: 'libro',
    rcv: 'RCV',
    claimedOn: 'reclamado el',
  },
  en: {
    tab: 'SII',
    title: 'SII documents',
    pick: 'RCV (CSV) or DTE (XML) files',
    preview: 'Review',
    import: 'Import',
    reconcile: 'Reconcile with the RCV',
    month: 'Month',
    monthHint: "empty: the RCV's",
    added: 'Will be added',
    present: 'Already in the workbook',
    refused: 'Refused: nothing will be imported',
    imported: (n: number) => `Imported ${n} documents.`,
    nothingNew: 'There are no new documents.',
    onlyInRcv: 'Only in the RCV',
    onlyInWorkbook: 'Only in the workbook',
    differences: 'Differences',
    claimed: 'Claimed by the customer',
    none: 'none',
    counts: (r: Reconciliation) => `RCV ${r.counts.rcv} · workbook ${r.counts.workbook} · matched ${r.counts.matched}`,
    f29: 'F29: debits of the month',
    needRcv: 'Pick an RCV sales export to reconcile.',
    workbook: 'workbook',
    rcv: 'RCV',
    claimedOn: 'claimed on',
  },
} as const;

/** The same word in both languages: the SII is its name. */
export const siiTabLabel = (): string => TEXT.es.tab;

let uploads: SiiUpload[] = [];
let decodeProblems: ImportProblem[] = [];
let preview: SiiImportAnswer | null = null;
let reconciliation: Reconciliation | null = null;
let reconcileProblems: readonly ImportProblem[] = [];
let period = '';
let f29Period = '';

async function readFiles(app: App, list: FileList | null): Promise<void> {
  uploads = [];
  decodeProblems = [];
  preview = null;
  reconciliation = null;
  reconcileProblems = [];
  for (const file of Array.from(list ?? [])) {
    const decoded = decodeImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (decoded.ok) uploads.push({ name: file.name, text: decoded.decoded.text, encoding: decoded.decoded.encoding });
    else decodeProblems.push(decoded.problem);
  }
  app.render();
}

const problemList = (problems: readonly ImportProblem[], locale: Locale) =>
  h(
    'ul',
    { class: 'sii-problems', 'data-testid': 'sii-problems' },
    problems.map((p) => h('li', {}, formatImportProblem(p, locale))),
  );

/** A document named in a result, as a link to its detail when the workbook has it. */
function documentLink(app: App, type: number, number: number): HTMLElement {
  const key = documentKey({ type, number });
  const known = app.ledger?.byKey(type, number);
  return known ? h('button', { type: 'button', class: 'link', 'data-testid': `sii-open-${key}`, onclick: () => app.show({ name: 'detail', key }) }, key) : h('span', {}, key);
}

function previewBlock(app: App, answer: SiiImportAnswer): HTMLElement {
  const t = TEXT[app.locale];
  const added = answer.files.flatMap((f) => f.added);
  const present = answer.files.flatMap((f) => f.alreadyPresent);
  return h(
    'div',
    { class: 'sii-preview', 'data-testid': 'sii-preview' },
    h(
      'ul',
      {},
      answer.files.map((f) => h('li', {}, fileOutcomeLine(f, app.locale))),
    ),
    answer.ok
      ? [h('p', {}, h('strong', {}, `${t.added}: `), added.length === 0 ? t.none : added.join(', ')), h('p', {}, h('strong', {}, `${t.present}: `), present.length === 0 ? t.none : present.join(', '))]
      : [
          h('p', { class: 'notice notice-error' }, t.refused),
          h(
            'ul',
            { class: 'sii-problems', 'data-testid': 'sii-problems' },
            refusalLines(answer.files, answer.problems, app.locale).map((line) => h('li', {}, line)),
          ),
        ],
  );
}

function reconciliationBlock(app: App, result: Reconciliation): HTMLElement {
  const t = TEXT[app.locale];
  const money = (amount: number) => formatMoney(amount, 'CLP');
  const value = (v: string | number, field: keyof typeof RECONCILED_FIELD_LABELS) => (typeof v === 'number' ? money(v) : field === 'issueDate' ? formatDateCl(v) : v);
  const section = (title: string, id: string, items: HTMLElement[]) =>
    h('section', { 'data-testid': `sii-${id}` }, h('h4', {}, `${title} (${items.length})`), items.length === 0 ? h('p', { class: 'subtitle' }, t.none) : h('ul', {}, items));
  return h(
    'div',
    { class: 'sii-reconciliation', 'data-testid': 'sii-reconciliation' },
    h('p', { class: 'subtitle' }, `${result.period} · ${t.counts(result)}`),
    section(
      t.onlyInRcv,
      'only-rcv',
      result.onlyInRcv.map((d) => h('li', {}, documentLink(app, d.type, d.number), ` · ${formatDateCl(d.issueDate)} · ${money(d.total)}`)),
    ),
    section(
      t.onlyInWorkbook,
      'only-workbook',
      result.onlyInWorkbook.map((d) => h('li', {}, documentLink(app, d.type, d.number), ` · ${formatDateCl(d.issueDate)} · ${money(d.total)}`)),
    ),
    section(
      t.differences,
      'differences',
      result.differences.map((d) =>
        h('li', {}, documentLink(app, d.type, d.number), ` · ${RECONCILED_FIELD_LABELS[d.field][app.locale]}: ${t.workbook} ${value(d.workbook, d.field)}, ${t.rcv} ${value(d.rcv, d.field)}`),
      ),
    ),
    section(
      t.claimed,
      'claimed',
      result.claimed.map((c) => h('li', {}, documentLink(app, c.type, c.number), ` · ${t.claimedOn} ${formatDateCl(c.claimDate)}`)),
    ),
  );
}

function f29Block(app: App): HTMLElement | null {
  const data = app.data;
  if (!data) return null;
  const state = { book: data.book, today: data.load.today };
  const t = TEXT[app.locale];
  const month = f29Period || state.today.slice(0, 7);
  const table = f29Table(f29Debits(state.book, month, app.locale), app.locale);
  return h(
    'section',
    { class: 'report', 'data-testid': 'sii-f29' },
    h('h3', {}, t.f29),
    h(
      'label',
      {},
      t.month,
      h('input', {
        type: 'month',
        value: month,
        'data-testid': 'sii-f29-period',
        onchange: (e: Event) => {
          f29Period = (e.target as HTMLInputElement).value;
          app.render();
        },
      }),
    ),
    h(
      'table',
      { class: 'summary' },
      h(
        'tbody',
        {},
        [...table.rows, ...table.footer].map((row) => h('tr', { 'data-code': String(row[0]) }, h('td', {}, String(row[0])), h('td', {}, String(row[1])), h('td', { class: 'num' }, String(row[2])))),
      ),
    ),
  );
}

export function siiView(app: App): HTMLElement {
  const t = TEXT[app.locale];
  const rcv = uploads.find((u) => /^\uFEFF?Nro;Tipo Doc;/i.test(u.text));
  const runPreview = () =>
    app.run(async () => {
      preview = (await callServer('previewSiiImport', uploads)) as SiiImportAnswer;
    });
  const runImport = () =>
    app.run(async () => {
      const answer = (await callServer('importSiiFiles', uploads)) as SiiImportAnswer;
      preview = answer;
      if (answer.ok) {
        const count = answer.files.reduce((n, f) => n + f.added.length, 0);
        await app.reload();
        app.notice = { kind: 'ok', text: count > 0 ? t.imported(count) : t.nothingNew };
      }
    });
  const runReconcile = () =>
    app.run(async () => {
      if (!rcv) {
        reconcileProblems = [];
        reconciliation = null;
        throw new Error(t.needRcv);
      }
      const answer = await callServer('reconcileRcv', rcv, period || undefined);
      reconciliation = answer.ok ? answer.value : null;
      reconcileProblems = answer.ok ? [] : answer.problems;
    });
  return h(
    'div',
    { class: 'sii', 'data-testid': 'view-sii' },
    h('h3', {}, t.title),
    h(
      'label',
      { class: 'file' },
      t.pick,
      h('input', {
        type: 'file',
        multiple: true,
        accept: '.csv,.xml,.txt,text/csv,text/xml,application/xml',
        'data-testid': 'sii-files',
        onchange: (e: Event) => void readFiles(app, (e.target as HTMLInputElement).files),
      }),
    ),
    uploads.length > 0 ? h('p', { class: 'subtitle', 'data-testid': 'sii-selected' }, uploads.map((u) => u.name).join(', ')) : null,
    decodeProblems.length > 0 ? problemList(decodeProblems, app.locale) : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', disabled: uploads.length === 0 || app.busy, 'data-testid': 'sii-preview-button', onclick: runPreview }, t.preview),
      h('button', { type: 'button', class: 'primary', disabled: !preview?.ok || app.busy, 'data-testid': 'sii-import-button', onclick: runImport }, t.import),
    ),
    preview ? previewBlock(app, preview) : null,
    h(
      'label',
      {},
      t.month,
      h('input', {
        type: 'month',
        value: period,
        placeholder: t.monthHint,
        'data-testid': 'sii-period',
        onchange: (e: Event) => {
          period = (e.target as HTMLInputElement).value;
        },
      }),
    ),
    h('button', { type: 'button', disabled: !rcv || app.busy, 'data-testid': 'sii-reconcile-button', onclick: runReconcile }, t.reconcile),
    reconcileProblems.length > 0 ? problemList(reconcileProblems, app.locale) : null,
    reconciliation ? reconciliationBlock(app, reconciliation) : null,
    f29Block(app),
  );
}
