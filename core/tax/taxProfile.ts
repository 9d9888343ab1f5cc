import type { Minor } from '../model';

export type DocumentKind = 'invoice' | 'debit-note' | 'credit-note';

export interface DocumentTypeRule {
  readonly code: number;
  readonly kind: DocumentKind;
  readonly name: { readonly es: string; readonly en: string };
  /** Short label for lists: `Factura`, `NC`. */
  readonly shortName: { readonly es: string; readonly en: string };
  /** Exempt documents carry no taxable net nor VAT. */
  readonly exemptOnly: boolean;
}

/** Why a tax id does not read; each has its own message (core/issues/messages.ts). */
export type TaxIdProblem = 'empty' | 'format' | 'dots' | 'dash' | 'length' | 'zero' | 'checkDigit';

export type TaxIdCheck = { ok: true; value: string } | { ok: false; problem: TaxIdProblem };

/** One country's rules; another country is a new profile, not edits everywhere. */
export interface TaxProfile {
  readonly country: string;
  readonly defaultCurrency: string;
  readonly taxIdName: string;
  readonly documentTypes: readonly DocumentTypeRule[];
  /** VAT on a document's taxable net, rounded once per document. */
  vatOn(net: Minor): Minor;
  readonly vatRateLabel: string;
  parseTaxId(input: string): TaxIdCheck;
  /** Digits only, for matching a tax id written with or without punctuation. */
  compactTaxId(input: string): string;
}

export const documentTypeRule = (profile: TaxProfile, code: number): DocumentTypeRule | undefined => profile.documentTypes.find((rule) => rule.code === code);
