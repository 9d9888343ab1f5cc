import pdfmake from 'pdfmake';
import robotoFonts from 'pdfmake/build/vfs_fonts';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocDefinition } from '../pdf/docDefinition';

/** pdfmake's server build keeps fonts and downloads in this in-memory file system; not in its typings. */
interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
  existsSync(name: string): boolean;
}

const ROBOTO_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

let prepared = false;

/**
 * Roboto comes embedded in pdfmake's own package (build/vfs_fonts.js, base64) and goes into
 * its virtual file system, so rendering never needs the disk and bundles carry the fonts;
 * then every local path and every URL is refused. A document can therefore neither read
 * /etc/passwd nor fetch http://… whatever it contains.
 */
function prepare(): void {
  if (prepared) return;
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const embedded = robotoFonts as unknown as Readonly<Record<string, string>>;
  for (const file of Object.values(ROBOTO_FILES)) {
    const base64 = embedded[file];
    if (base64 === undefined) throw new Error(`pdfmake/build/vfs_fonts.js has no ${file}`);
    if (!vfs.existsSync(file)) vfs.writeFileSync(file, Buffer.from(base64, 'base64'));
  }
  pdfmake.setFonts({ Roboto: { ...ROBOTO_FILES } });
  prepared = true;
}

const denyAll = (): boolean => false;

export async function renderPdf(definition: DocDefinition): Promise<Buffer> {
  prepare();
  // Set on every call: pdfmake is a process-wide singleton and nobody may loosen this.
  pdfmake.setUrlAccessPolicy(denyAll);
  pdfmake.setLocalAccessPolicy(denyAll);
  // Our types are a strict subset of pdfmake's: this line fails to compile if they drift.
  const document: TDocumentDefinitions = { ...definition, defaultStyle: { font: 'Roboto', ...definition.defaultStyle } };
  return pdfmake.createPdf(document).getBuffer();
}
