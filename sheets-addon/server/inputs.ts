// zod/mini keeps the Apps Script bundle small: the classic API would add ~750 kB of locales.
import * as z from 'zod/mini';
import { type Issue, type Result, issue, ok, fail, isPeriod, LOCALES } from '../../core';

// What the sidebar sends is checked here, at the boundary, and turned into the same issues core reports.

const documentText = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));

/** The documents whose details the sidebar holds: a change answers with their sections as they now read. */
export const heldDocuments = z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(200)), []);

export const PaymentInputSchema = z.object({
  document: documentText,
  /** As typed, in major units of the document's currency: core reads it once the document is found. */
  amount: z.string().check(z.maxLength(40)),
  date: z.string(),
  method: z._default(z.string().check(z.maxLength(200)), ''),
  reference: z._default(z.string().check(z.maxLength(500)), ''),
  /** The balance the user saw: if it moved meanwhile, the payment is refused. */
  expectedBalance: z.optional(z.number().check(z.int())),
  held: heldDocuments,
});
export type PaymentInput = z.input<typeof PaymentInputSchema>;

export const VoidInputSchema = z.object({ document: documentText, held: heldDocuments });

export const DocumentInputSchema = z.object({ document: documentText });
export type DocumentInput = z.input<typeof DocumentInputSchema>;
export type VoidInput = z.input<typeof VoidInputSchema>;

export const EmailInputSchema = z.object({
  document: documentText,
  /** The PDF the sidebar built with pdfmake, base64. */
  pdfBase64: z.string().check(z.minLength(8), z.maxLength(30_000_000)),
  locale: z._default(z.enum(LOCALES as unknown as ['es', 'en']), 'es'),
});
export type EmailInput = z.input<typeof EmailInputSchema>;

export const ReportSheetInputSchema = z.object({
  report: z.enum(['libro-ventas', 'status', 'aging']),
  period: z.optional(z.string()),
  locale: z._default(z.enum(LOCALES as unknown as ['es', 'en']), 'es'),
});
export type ReportSheetInput = z.input<typeof ReportSheetInputSchema>;

const FIELD_ISSUES: Readonly<Record<string, (value: unknown) => Issue>> = {
  document: (value) => issue('invalidDocumentKey', {}, { value: String(value ?? '') }),
  amount: (value) => issue('amountNotPositive', { field: 'amount' }, { value: String(value ?? '') }),
  date: (value) => issue('invalidDate', { field: 'date' }, { value: String(value ?? '') }),
  period: (value) => issue('invalidPeriod', { field: 'period' }, { value: String(value ?? '') }),
};

/** Parses with zod, then names each bad field with core's issue codes; never shows a raw schema error. */
export function parseInput<T>(schema: z.ZodMiniType<T>, input: unknown): Result<T> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const issues = parsed.error.issues.map((problem) => {
    const field = String(problem.path[0] ?? '');
    const known = FIELD_ISSUES[field];
    return known ? known(raw[field]) : issue('invalidChoice', { field }, { value: String(raw[field] ?? ''), allowed: problem.message });
  });
  return fail(...issues);
}

export const checkPeriod = (text: string | undefined): Result<string> => (text !== undefined && isPeriod(text) ? ok(text) : fail(issue('invalidPeriod', { field: 'period' }, { value: text ?? '' })));
