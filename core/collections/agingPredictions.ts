import type { Locale } from '../i18n/locale';
import type { Book, IsoDate } from '../model';
import type { AgingCustomer, AgingDocument, AgingReport } from '../reports/agingReport';
import { agingTable } from '../reports/agingTable';
import type { ReportTable } from '../reports/reportTable';
import type { TaxProfile } from '../tax/taxProfile';
import { payDatePredictor } from './predictPayDate';
import { settlements } from './settlements';

export type PredictedAgingDocument = AgingDocument & { readonly predictedPayDate: IsoDate };
export type PredictedAgingCustomer = Omit<AgingCustomer, 'documents' | 'overdueDocuments'> & {
  readonly documents: readonly PredictedAgingDocument[];
  readonly overdueDocuments: readonly PredictedAgingDocument[];
  /** When its largest open document will likely be paid. */
  readonly predictedPayDate: IsoDate | null;
};
export type PredictedAgingReport = Omit<AgingReport, 'customers'> & { readonly customers: readonly PredictedAgingCustomer[] };

/** The ageing report with each open document's predicted pay date from its customer's own history. */
export function withPredictedPayDates(report: AgingReport, book: Book, profile: TaxProfile): PredictedAgingReport {
  const predictor = payDatePredictor(settlements(book, profile, report.currency));
  const customers = report.customers.map((customer): PredictedAgingCustomer => {
    const predict = (d: AgingDocument): PredictedAgingDocument => ({ ...d, predictedPayDate: predictor.predict(customer.customerTaxId, d.dueDate, report.asOf) });
    const documents = customer.documents.map(predict);
    const largest = documents.reduce<PredictedAgingDocument | null>((best, d) => (best === null || d.balance > best.balance ? d : best), null);
    return { ...customer, documents, overdueDocuments: documents.filter((d) => d.daysOverdue > 0), predictedPayDate: largest?.predictedPayDate ?? null };
  });
  return { ...report, customers };
}

/** The ageing table with a last column: the predicted pay date of each customer's largest open document. */
export function predictedAgingTable(report: PredictedAgingReport, locale: Locale = 'es'): ReportTable {
  const table = agingTable(report as unknown as AgingReport, locale);
  return {
    ...table,
    columns: [...table.columns, { header: locale === 'es' ? 'Pago estimado' : 'Predicted payment', kind: 'date' }],
    rows: table.rows.map((row, i) => [...row, report.customers[i]?.predictedPayDate ?? null]),
    footer: table.footer.map((row) => [...row, null]),
  };
}
