import { CHILE, type InvoiceView, type Payment, agingReport, buildLedger, statusSummary } from '../../core/index';
import type { Book, InvoiceDocument } from '../../core/index';
import { blockKitProblem } from '../fakes/slackApi';
import { searchResultsMessage } from '../../slack-bot/blocks/searchResults';
import { invoiceDetailMessage } from '../../slack-bot/blocks/invoiceDetail';
import { pendingAlertMessage } from '../../slack-bot/blocks/pendingAlert';
import { homeView } from '../../slack-bot/blocks/homeView';
import { statusChangeMessage } from '../../slack-bot/blocks/statusChange';
import { formatRut, rutCheckDigit } from '../../core/index';

const LONG = 'Inversiones & Comercializadora <Grande> '.repeat(200);

function hugeBook(customers: number, perCustomer: number): Book {
  const documents: InvoiceDocument[] = [];
  let folio = 1;
  for (let c = 0; c < customers; c++) {
    const body = String(10_000_000 + c * 7919);
    const taxId = formatRut(body, rutCheckDigit(body));
    for (let d = 0; d < perCustomer; d++) {
      documents.push({
        type: 33, number: folio++, issueDate: '2026-01-10', dueDate: '2026-02-10', customerTaxId: taxId, customerName: `${c} ${LONG}`,
        email: '', origin: 'directa', originRef: '', net: 100_000, exempt: 0, tax: 19_000, otherTaxes: 0, total: 119_000, currency: 'CLP',
        state: 'emitida', reference: null, notes: LONG, row: folio,
      });
    }
  }
  return { issuer: null, documents, lines: [], payments: [], customers: [], history: [] };
}

describe('every view keeps within Block Kit limits, however much data', () => {
  const book = hugeBook(80, 30);
  const ledger = buildLedger(book, '2026-10-15', CHILE);

  it('the fake refuses what Slack refuses', () => {
    expect(blockKitProblem(Array.from({ length: 51 }, () => ({ type: 'divider' })), 50)).toMatch(/more than 50 blocks/);
    expect(blockKitProblem([{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }], 50)).toMatch(/longer than 3000/);
  });

  it('search results with long names and a long query', () => {
    const items = ledger.views.slice(0, 10);
    const message = searchResultsMessage({ items, matched: ledger.views.length, offset: 0, limit: 10, totals: [{ currency: 'CLP', count: 2400, total: 1, balance: 1 }] }, LONG, CHILE, 'es');
    expect(blockKitProblem(message.blocks, 50)).toBeUndefined();
    expect(JSON.stringify(message.blocks)).toContain('&lt;Grande&gt;');
  });

  it('a document with many payments and long notes', () => {
    const view = ledger.views[0] as InvoiceView;
    const payments: Payment[] = Array.from({ length: 60 }, (_, i) => ({ type: 33, number: view.number, date: '2026-03-01', amount: 1, method: LONG, reference: LONG, recordedBy: 'x', row: i + 2 }));
    const message = invoiceDetailMessage(view, payments, { profile: CHILE, locale: 'es', canRecordPayments: true });
    expect(blockKitProblem(message.blocks, 50)).toBeUndefined();
  });

  it('the daily alert with 80 customers of 30 overdue documents each', () => {
    const message = pendingAlertMessage(agingReport(ledger, CHILE), CHILE, 'es');
    expect(blockKitProblem(message.blocks, 50)).toBeUndefined();
    expect(JSON.stringify(message.blocks)).toContain('y 40 clientes más');
  });

  it('the Home tab and a status-change post', () => {
    expect(blockKitProblem(homeView(statusSummary(ledger, CHILE), agingReport(ledger, CHILE), 3, 'es').blocks, 100)).toBeUndefined();
    const entry = { id: 'x', timestamp: '', type: 33, number: 1, previousStatus: LONG, newStatus: 'pagada', amount: 5, user: LONG, channel: LONG, row: 2 };
    expect(blockKitProblem(statusChangeMessage(entry, book.documents[0], CHILE, 'es').blocks, 50)).toBeUndefined();
  });
});
