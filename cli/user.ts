import type { CliIo } from './command';

/** Who is recording: --user, else FACTURAS_USER, else the login name. */
export const defaultUser = (io: CliIo): string => io.env.FACTURAS_USER?.trim() || io.env.USER?.trim() || io.env.USERNAME?.trim() || 'cli';
