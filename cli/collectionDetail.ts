import { type DocumentCollections, COLLECTION_ACTION_LABELS, PROMISE_STATUS_LABELS, type InvoiceView, type Locale, formatDateCl, formatMoney, renderTextTable } from '../core';

/** The promise, predicted pay date and Gestiones timeline under a document in `facturas show`. */
export function collectionDetailText(view: InvoiceView, detail: DocumentCollections, locale: Locale): string[] {
  const es = locale === 'es';
  const lines: string[] = [];
  const summary: string[] = [];
  if (detail.promise) {
    const p = detail.promise;
    summary.push(
      es
        ? `Promesa de pago: ${formatMoney(p.amount, view.currency)} al ${formatDateCl(p.date)} (${PROMISE_STATUS_LABELS[p.status].es})`
        : `Promise to pay: ${formatMoney(p.amount, view.currency)} by ${formatDateCl(p.date)} (${PROMISE_STATUS_LABELS[p.status].en})`,
    );
  }
  if (detail.predictedPayDate) summary.push(`${es ? 'Fecha de pago estimada' : 'Predicted pay date'}: ${formatDateCl(detail.predictedPayDate)}`);
  if (summary.length > 0) lines.push(summary.join(' · '));
  if (detail.collectionLog.length > 0) {
    const rendered = renderTextTable({
      title: es ? 'Gestiones' : 'Collection log',
      subtitle: '',
      locale,
      currency: view.currency,
      columns: [
        { header: 'ID', kind: 'text' },
        { header: es ? 'Fecha' : 'Date', kind: 'date' },
        { header: es ? 'Acción' : 'Action', kind: 'text' },
        { header: es ? 'Compromiso' : 'Promised', kind: 'text' },
        { header: es ? 'Nota' : 'Note', kind: 'text' },
        { header: es ? 'Usuario' : 'User', kind: 'text' },
      ],
      rows: detail.collectionLog.map((e) => [
        e.id,
        e.date,
        COLLECTION_ACTION_LABELS[e.action][locale],
        e.promisedDate ? `${formatMoney(e.promisedAmount ?? 0, view.currency)} ${es ? 'al' : 'by'} ${formatDateCl(e.promisedDate)}` : '',
        e.note,
        e.user,
      ]),
      footer: [],
    });
    lines.push(rendered.replace(/^(.*)\n\n\n/, '\n$1\n').trimEnd());
  }
  return lines;
}
