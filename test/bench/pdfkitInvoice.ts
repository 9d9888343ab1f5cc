import PDFDocument from 'pdfkit';
import robotoFonts from 'pdfmake/build/vfs_fonts';
import { CHILE, documentTypeRule, formatDateCl, formatMoney, lineAmount, PAYMENT_STATUS_LABELS, ORIGIN_LABELS, type InvoicePdfInput } from '../../core';

const embedded = robotoFonts as unknown as Readonly<Record<string, string>>;
const font = (file: string): Buffer => Buffer.from(embedded[file]!, 'base64');
const ROBOTO = { regular: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf') };
const RED = '#b00020';
const GREY = '#555555';

const quantity = (milli: number): string => (milli % 1000 === 0 ? String(milli / 1000) : (milli / 1000).toFixed(3).replace(/0+$/, '').replace('.', ','));

/**
 * The floor for one invoice PDF: the same invoice (issuer, red folio box, customer, lines,
 * totals, payments, position, page footer) drawn straight with pdfkit, the engine under
 * pdfmake, with the same embedded Roboto, and no layout engine in between.
 */
export function pdfkitInvoice(input: InvoicePdfInput): Promise<Buffer> {
  const { view, issuer } = input;
  const money = (amount: number): string => formatMoney(amount, view.currency);
  const typeName = documentTypeRule(CHILE, view.type)?.name.es ?? String(view.type);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, left: 40, right: 40, bottom: 50 },
    font: ROBOTO.regular as unknown as string,
    info: { Title: `${typeName} N° ${view.number}`, Creator: 'Facturas' },
  });
  doc.registerFont('Roboto', ROBOTO.regular);
  doc.registerFont('Roboto-Bold', ROBOTO.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc
    .font('Roboto-Bold')
    .fontSize(13)
    .text(issuer?.name ?? '', 40, 40, { width: 285 });
  doc
    .font('Roboto')
    .fontSize(9)
    .text(`Giro: ${issuer?.businessActivity ?? ''}`, { width: 285 })
    .text(`Dirección: ${issuer?.address ?? ''}`, { width: 285 });
  doc.fillColor(GREY).text([issuer?.email, issuer?.phone].filter(Boolean).join(' · '), { width: 285 }).fillColor('black');
  doc.rect(345, 40, 190, 70).strokeColor(RED).stroke();
  doc
    .fillColor(RED)
    .font('Roboto-Bold')
    .fontSize(10)
    .text(`R.U.T.: ${issuer?.taxId ?? '—'}`, 349, 48, { width: 182, align: 'center' });
  doc.text(typeName.toUpperCase(), { width: 182, align: 'center' }).fontSize(13).text(`N° ${view.number}`, { width: 182, align: 'center' }).fillColor('black');

  let y = 130;
  const labelled = (label: string, value: string, x: number, width: number): void => {
    doc.font('Roboto-Bold').fontSize(10).text(`${label}: `, x, y, { continued: true, width }).font('Roboto').text(value);
    y = doc.y;
  };
  labelled('Señor(es)', view.customerName, 40, 275);
  labelled('RUT', view.customerTaxId, 40, 275);
  labelled('Correo', view.email, 40, 275);
  const customerEnd = y;
  y = 130;
  labelled('Fecha de emisión', formatDateCl(view.issueDate), 335, 220);
  labelled('Vencimiento', formatDateCl(view.dueDate ?? view.issueDate), 335, 220);
  labelled('Origen', `${ORIGIN_LABELS[view.origin].es}${view.originRef ? ` N° ${view.originRef}` : ''}`, 335, 220);
  y = Math.max(customerEnd, y) + 12;

  const columns = [
    { x: 40, w: 215 },
    { x: 255, w: 50 },
    { x: 305, w: 70 },
    { x: 375, w: 55 },
    { x: 430, w: 40 },
    { x: 470, w: 85 },
  ];
  const tableRow = (cells: readonly string[], bold: boolean, fill: boolean): void => {
    if (fill)
      doc
        .rect(40, y - 2, 515, 16)
        .fill('#eeeeee')
        .fillColor('black');
    doc.font(bold ? 'Roboto-Bold' : 'Roboto').fontSize(10);
    cells.forEach((text, i) => doc.text(text, columns[i]!.x, y, { width: columns[i]!.w, align: i === 0 ? 'left' : i === 4 ? 'center' : 'right', lineBreak: false }));
    y += 16;
    doc
      .moveTo(40, y - 2)
      .lineTo(555, y - 2)
      .strokeColor('#dddddd')
      .stroke();
  };
  tableRow(['Descripción', 'Cantidad', 'Precio unitario', 'Descuento', 'Exento', 'Monto'], true, true);
  for (const line of input.lines) {
    tableRow(
      [line.description, quantity(line.quantityMilli), money(line.unitPrice), line.discountBasisPoints ? `${line.discountBasisPoints / 100}%` : '', line.exempt ? 'Sí' : '', money(lineAmount(line))],
      false,
      false,
    );
  }
  y += 8;
  const pair = (label: string, value: string, bold = false): void => {
    doc.font('Roboto-Bold').fontSize(10).text(label, 385, y, { width: 80 });
    doc.font(bold ? 'Roboto-Bold' : 'Roboto').text(value, 465, y, { width: 90, align: 'right' });
    y += 15;
  };
  pair('Neto', money(view.net));
  pair('IVA 19%', money(view.tax));
  pair('Total', money(view.total), true);

  y += 10;
  doc
    .font('Roboto-Bold')
    .fontSize(11)
    .text(`Pagos (al ${formatDateCl(input.asOf)})`, 40, y);
  y = doc.y + 4;
  const paymentColumns = [
    { x: 40, w: 80 },
    { x: 120, w: 170 },
    { x: 290, w: 170 },
    { x: 460, w: 95 },
  ];
  const paymentRow = (cells: readonly string[], bold: boolean): void => {
    doc.font(bold ? 'Roboto-Bold' : 'Roboto').fontSize(10);
    cells.forEach((text, i) => doc.text(text, paymentColumns[i]!.x, y, { width: paymentColumns[i]!.w, align: i === 3 ? 'right' : 'left', lineBreak: false }));
    y += 16;
  };
  paymentRow(['Fecha', 'Medio', 'Referencia', 'Monto'], true);
  for (const p of input.payments) paymentRow([formatDateCl(p.date), p.method, p.reference, money(p.amount)], false);
  y += 6;
  pair('Pagado', money(view.paid));
  pair('Saldo', money(view.balance), true);
  pair('Estado de pago', PAYMENT_STATUS_LABELS[view.paymentStatus].es, true);

  doc
    .font('Roboto')
    .fontSize(8)
    .fillColor('#666666')
    .text(`${typeName} N° ${view.number}`, 40, 800, { lineBreak: false })
    .text('Página 1 de 1', 455, 800, { width: 100, align: 'right', lineBreak: false });
  doc.end();
  return done;
}
