import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/** FACTURAS_SECRET_KEY: 32 random bytes as 64 hex digits or base64 (`openssl rand -base64 32`). */
export function parseSecretKey(text: string | undefined): { ok: true; key: Buffer } | { ok: false; message: string } {
  const value = text?.trim() ?? '';
  if (value === '') return { ok: false, message: 'FACTURAS_SECRET_KEY: falta; genere una con `openssl rand -base64 32` (cifra los tokens de cada workspace)' };
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) return { ok: false, message: 'FACTURAS_SECRET_KEY: debe ser de 32 bytes (64 dígitos hexadecimales o base64), p. ej. `openssl rand -base64 32`' };
  return { ok: true, key };
}

/**
 * Tokens at rest: AES-256-GCM with a fresh IV each time, the team id bound as associated data
 * (a row copied to another team does not decrypt), stored as `v1.iv.tag.ciphertext` in base64.
 */
export function sealText(key: Buffer, plain: string, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join('.');
}

export function openText(key: Buffer, sealed: string, boundTo: string): string {
  const [format, iv, tag, data] = sealed.split('.');
  if (format !== FORMAT || !iv || !tag || data === undefined) throw new Error('not a sealed value (v1.iv.tag.data)');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}
