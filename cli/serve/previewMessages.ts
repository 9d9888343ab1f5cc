import type { Locale } from '../../core';

/** What the preview says, to the person at the terminal or to the sidebar, in either language. */
const es = {
  sidebarMissing: 'No se encontró dist/sidebar.html: ejecute «npm run build» primero.',
  listening: (url: string, workbook: string) => `Panel de Facturas en ${url} (libro ${workbook})`,
  outbox: (folder: string) => `Los correos se guardan en ${folder}. Ctrl-C para terminar.`,
  botListening: (port: number) => `Bot de Slack escuchando en el puerto ${port} (/slack/events)`,
  botNotStarted: (reason: string) => `El bot de Slack no se inició: ${reason}`,
  changedWhileSaving: 'El libro cambió mientras se guardaba, varias veces seguidas; vuelva a intentarlo.',
  noSetupInPreview: 'La vista previa no prepara planillas: use «facturas init» para crear el libro.',
  noSheetsInPreview: 'La vista previa no crea hojas: descargue el CSV.',
  tabMissing: (tab: string) => `El cambio escribe en la hoja ${tab}, que este libro no tiene.`,
  unknownFunction: (name: string) => `No existe la función de servidor ${name}.`,
  notFound: 'No encontrado.',
  foreignHost: 'Solicitud rechazada: la vista previa solo responde en su propia dirección local.',
  foreignOrigin: 'Solicitud rechazada: viene de otra página.',
  notJson: 'Solicitud rechazada: el cuerpo debe ser application/json.',
  badToken: 'Solicitud rechazada: falta el código de esta sesión; recargue la página del panel.',
  badBody: 'Solicitud rechazada: el cuerpo no es JSON válido.',
  bodyTooLarge: 'Solicitud rechazada: el cuerpo es demasiado grande.',
} as const;

type PreviewMessages = { readonly [K in keyof typeof es]: (typeof es)[K] extends string ? string : (typeof es)[K] };

const en: PreviewMessages = {
  sidebarMissing: 'dist/sidebar.html was not found: run "npm run build" first.',
  listening: (url, workbook) => `Facturas sidebar on ${url} (workbook ${workbook})`,
  outbox: (folder) => `Emails are saved in ${folder}. Ctrl-C to stop.`,
  botListening: (port) => `Slack bot listening on port ${port} (/slack/events)`,
  botNotStarted: (reason) => `The Slack bot did not start: ${reason}`,
  changedWhileSaving: 'The workbook changed while saving, several times in a row; try again.',
  noSetupInPreview: 'The preview does not set up sheets: use "facturas init" to create the workbook.',
  noSheetsInPreview: 'The preview does not create sheets: download the CSV.',
  tabMissing: (tab) => `The change writes to the ${tab} tab, which this workbook does not have.`,
  unknownFunction: (name) => `There is no server function named ${name}.`,
  notFound: 'Not found.',
  foreignHost: 'Request refused: the preview answers only on its own local address.',
  foreignOrigin: 'Request refused: it comes from another page.',
  notJson: 'Request refused: the body must be application/json.',
  badToken: "Request refused: this session's code is missing; reload the sidebar page.",
  badBody: 'Request refused: the body is not valid JSON.',
  bodyTooLarge: 'Request refused: the body is too large.',
};

export const previewMessages = (locale: Locale): PreviewMessages => (locale === 'en' ? en : es);
export type { PreviewMessages };
