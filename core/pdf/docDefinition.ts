/**
 * The part of pdfmake's document definition we use, declared here because @types/pdfmake
 * pulls Node and DOM typings into core. Only text, stacks, columns and tables: no node kind
 * that reads a file or a URL (image, svg, attachment, link) exists in these types, so user
 * text cannot end up in one. core/node/pdf.ts checks these stay assignable to pdfmake's own.
 */
export type PdfAlignment = 'left' | 'right' | 'center' | 'justify';
export type PdfMargins = number | [number, number] | [number, number, number, number];

export interface PdfStyle {
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  alignment?: PdfAlignment;
  margin?: PdfMargins;
  fillColor?: string;
  lineHeight?: number;
}

interface PdfNodeBase extends PdfStyle {
  style?: string | string[];
}

export interface PdfText extends PdfNodeBase {
  text: string | (string | PdfText)[];
}

export interface PdfStack extends PdfNodeBase {
  stack: PdfContent[];
}

export interface PdfColumn extends PdfNodeBase {
  width?: number | 'auto' | '*' | string;
}

export interface PdfColumns extends PdfNodeBase {
  columns: (PdfContent & PdfColumn)[];
  columnGap?: number;
}

export interface PdfTableCellProperties {
  colSpan?: number;
  rowSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
  borderColor?: [string, string, string, string];
}

export type PdfTableCell = (PdfText | PdfStack) & PdfTableCellProperties;

export interface PdfTable extends PdfNodeBase {
  table: {
    headerRows?: number;
    dontBreakRows?: boolean;
    widths?: (number | 'auto' | '*')[];
    body: PdfTableCell[][];
  };
  /** Only pdfmake's built-in layouts, so a definition stays plain data. */
  layout?: 'noBorders' | 'headerLineOnly' | 'lightHorizontalLines';
}

export type PdfContent = PdfText | PdfStack | PdfColumns | PdfTable;

export interface DocDefinition {
  content: PdfContent[];
  pageSize?: 'A4' | 'LETTER' | 'LEGAL';
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: PdfMargins;
  /** Functions only for page numbers; everything else is plain data. */
  header?: (currentPage: number, pageCount: number) => PdfContent;
  footer?: (currentPage: number, pageCount: number) => PdfContent;
  watermark?: { text: string; color?: string; opacity?: number; bold?: boolean };
  info?: { title?: string; author?: string; subject?: string; creator?: string };
  styles?: Record<string, PdfStyle>;
  defaultStyle?: PdfStyle & { font?: string };
}
