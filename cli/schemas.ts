import { z } from 'zod';
import { isPeriod, parseIsoDate } from '../core';
import { CliError, EXIT } from './command';
import type { Messages } from './messages';

/**
 * zod checks every option; each schema carries its own whole-sentence message, so what the user
 * reads is ours, one line per problem, never zod's raw output.
 */
export function validate<T>(schema: z.ZodType<T>, input: unknown, m: Messages): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((problem) => {
    const option = problem.path.length > 0 ? `--${String(problem.path[problem.path.length - 1])}` : 'argumento';
    return problem.code === 'custom' ? problem.message : m.badOption(option);
  });
  throw new CliError([...new Set(lines)], EXIT.usage);
}

const custom = (ctx: z.RefinementCtx, message: string): never => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

export const isoDateOption = (option: string, m: Messages) => z.string().transform((value, ctx) => parseIsoDate(value) ?? custom(ctx, m.badDate(option, value)));

export const wholeNumberOption = (option: string, min: number, max: number, m: Messages) =>
  z.string().transform((value, ctx) => {
    const number = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    return Number.isSafeInteger(number) && number >= min && number <= max ? number : custom(ctx, m.badWholeNumber(option, value, min, max));
  });

export const periodOption = (m: Messages) => z.string().transform((value, ctx) => (isPeriod(value.trim()) ? value.trim() : custom(ctx, m.badPeriod(value))));

export const textOption = (option: string, m: Messages) => z.string().transform((value, ctx) => (value.trim() === '' ? custom(ctx, m.emptyOption(option)) : value.trim()));

export const FORMATS = ['table', 'json', 'csv', 'xlsx', 'pdf'] as const;

export const formatOption = (m: Messages) =>
  z.string().transform((value, ctx) => ((FORMATS as readonly string[]).includes(value) ? (value as (typeof FORMATS)[number]) : custom(ctx, m.badFormat(value))));

export const langOption = (m: Messages) => z.string().transform((value, ctx) => (value === 'es' || value === 'en' ? value : custom(ctx, m.badLang(value))));

/** An option that must be there, with a sentence saying so when it is not. */
export const requiredOption = (option: string, m: Messages) =>
  z.unknown().transform((value, ctx) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : custom(ctx, m.optionNeedsValue(option))));

/** Looks like an amount; its sign and size are core's to judge (and to explain). */
export const amountOption = (m: Messages) =>
  requiredOption('--amount', m).pipe(z.string().transform((value, ctx) => (/^-?\s*(\$|US\$)?\s*\d[\d.,]*$/.test(value) ? value.replace(/\s/g, '') : custom(ctx, m.badAmount(value)))));

export const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? '');
