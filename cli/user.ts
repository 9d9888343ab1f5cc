import type { CliIo } from './command';

/** Who is recording: --user, else FACTURAS_USER, else the login name. */
export const defaultUser = (io: CliIo): string => io.env.FACTURAS_USER?.trim() || io.env.USER?.trim() || io.env.USERNAME?.trim() || 'cli';

/** `--user` of the commands that record something (pay, promise, log). */
export const RECORDED_BY_OPTION = {
  name: 'user',
  type: 'string',
  value: 'U',
  help: { es: 'quién registra (por defecto FACTURAS_USER o el usuario del sistema)', en: 'who records it (default FACTURAS_USER or the system user)' },
} as const;
