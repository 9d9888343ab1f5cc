import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Locale } from '../../core';
import type { WorkbookStore } from '../../core/node/store';
import { readXlsxTables } from '../../core/node/xlsxRead';
import { createPreviewBridge } from './previewBridge';
import { type RunningPreview, startPreviewServer } from './previewServer';
import { previewMailbox } from './previewServices';

export interface PreviewOptions {
  readonly workbookPath: string;
  readonly store: WorkbookStore;
  readonly sidebarHtmlPath: string;
  readonly port: number;
  readonly user: string;
  readonly timeZone: string;
  readonly asOf?: string;
  readonly now: () => Date;
  readonly locale?: Locale;
  readonly log?: (line: string) => void;
}

export interface Preview extends RunningPreview {
  /** Where emailed PDFs land instead of a customer's inbox. */
  readonly outboxDir: string;
}

/** The real sidebar, with google.script.run bridged to the add-on's server API over the local workbook. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const sidebarHtml = await readFile(options.sidebarHtmlPath, 'utf8');
  const outboxDir = path.join(path.dirname(options.workbookPath), '.facturas', 'outbox');
  const bridge = createPreviewBridge({
    store: options.store,
    loadTables: async () => (await readXlsxTables(options.workbookPath)).tables,
    mailbox: previewMailbox(outboxDir, options.now),
    user: options.user,
    timeZone: options.timeZone,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    now: options.now,
    ...(options.locale ? { locale: options.locale } : {}),
    fileStamp: async () => {
      const file = await stat(options.workbookPath);
      return `${file.mtimeMs}:${file.size}`;
    },
  });
  const running = await startPreviewServer({ sidebarHtml, bridge, port: options.port, ...(options.locale ? { locale: options.locale } : {}), ...(options.log ? { log: options.log } : {}) });
  return { ...running, outboxDir };
}
