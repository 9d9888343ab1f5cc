import { z } from 'zod';

/**
 * What the bot puts in a button's value or a modal's private_metadata and reads back when Slack
 * returns it, each shape declared once here for both sides. What comes back is untrusted (anyone
 * in the workspace can send a crafted payload), so it is parsed, never cast.
 */

/** "Registrar pago": the document and the balance the user saw, so the form can refuse if it moved. */
export const PAYMENT_BUTTON_VALUE = z.object({ key: z.string().min(1).max(40), balance: z.number().int() });

/**
 * The payment modal: which document, the balance the user saw and where to answer. No currency:
 * the amount is read in the currency of the document found when writing, never one a form says.
 */
export const PAYMENT_MODAL_METADATA = z.object({
  key: z.string().min(1).max(40),
  expectedBalance: z.number().int(),
  channel: z.string().max(40).nullable(),
});

/** Paging through search results: the query and the offset of the page to show. */
export const PAGE_BUTTON_VALUE = z.object({ q: z.string(), o: z.number().int().min(0) });

export type PaymentModalMetadata = z.infer<typeof PAYMENT_MODAL_METADATA>;

export const encodePayload = <S extends z.ZodType>(schema: S, value: z.input<S>): string => JSON.stringify(schema.parse(value));

/** The payload, or undefined when it is not JSON of that shape (an old button, a forged request). */
export function decodePayload<S extends z.ZodType>(schema: S, text: string | undefined): z.output<S> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** What a user is told when a button or form carried something the bot cannot read. */
export const STALE_PAYLOAD = {
  es: 'Este botón o formulario ya no es válido; vuelva a buscar el documento con /facturas.',
  en: 'This button or form is no longer valid; look the document up again with /facturas.',
} as const;
