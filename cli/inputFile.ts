import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CliError, type CommandContext } from './command';
import { messages } from './messages';

/** A file named on the command line, read whole: a missing one is one clear line, not a stack. */
export async function readInputFile(context: Pick<CommandContext, 'resolvePath' | 'locale'>, argument: string): Promise<{ path: string; name: string; bytes: Buffer }> {
  const filePath = context.resolvePath(argument);
  try {
    return { path: filePath, name: path.basename(filePath), bytes: await fs.readFile(filePath) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError([messages(context.locale).fileNotFound(filePath)]);
    throw error;
  }
}
