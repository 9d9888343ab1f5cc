import { promises as fs } from 'node:fs';
import { z } from 'zod';

/** What the last `facturas sii reconcile` found claimed, kept for the bot's daily alert. */
export interface LastClaims {
  readonly period: string;
  readonly reconciledAt: string;
  readonly file: string;
  readonly claimed: readonly { readonly type: number; readonly number: number; readonly claimDate: string }[];
}

const lastClaimsSchema = z.object({
  period: z.string(),
  reconciledAt: z.string(),
  file: z.string(),
  claimed: z.array(z.object({ type: z.number().int(), number: z.number().int(), claimDate: z.string() })),
});

/** Beside the workbook, as the bot's own state file is. */
export const lastClaimsPath = (workbookPath: string): string => `${workbookPath}.sii-reclamos.json`;

export async function saveLastClaims(workbookPath: string, claims: LastClaims): Promise<void> {
  const target = lastClaimsPath(workbookPath);
  const temp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(claims, null, 2)}\n`);
  await fs.rename(temp, target);
}

/** Null when no reconciliation was run (or its file is not ours to read). */
export async function loadLastClaims(workbookPath: string): Promise<LastClaims | null> {
  try {
    const parsed = lastClaimsSchema.safeParse(JSON.parse(await fs.readFile(lastClaimsPath(workbookPath), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
