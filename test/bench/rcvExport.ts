import { rutCheckDigit } from '../../core';

const HEADER =
  'Nro;Tipo Doc;Tipo Venta;Rut cliente;Razon Social;Folio;Fecha Docto;Fecha Recepcion;Fecha Acuse Recibo;Fecha Reclamo;Monto Exento;Monto Neto;Monto IVA;Monto total;IVA Retenido Total;IVA Retenido Parcial;IVA no retenido;IVA propio;IVA Terceros;RUT Emisor Liquid. Factura;Neto Comision Liquid. Factura;Exento Comision Liquid. Factura;IVA Comision Liquid. Factura;IVA fuera de plazo;Tipo Docto. Referencia;Folio Docto. Referencia;Num. Ident. Receptor Extranjero;Nacionalidad Receptor Extranjero;Credito empresa constructora;Impto. Zona Franca (Ley 18211);Garantia Dep. Envases;Indicador Venta sin Costo;Indicador Servicio Periodico;Monto No facturable;Total Monto Periodo;Venta Pasajes Transporte Nacional;Venta Pasajes Transporte Internacional;Numero Interno;Codigo Sucursal;NCE o NDE sobre Fact. de Compra;Codigo Otro Imp.;Valor Otro Imp.;Tasa Otro Imp.';

/**
 * A month of the SII's RCV sales export with `lines` lines, as Windows-1252 bytes: mostly
 * invoices, some with ILA on a continuation line, exempt invoices, and credit notes on an earlier
 * invoice of the same customer and month, never for more than it has left (core refuses those).
 * Folios start at 500,000 so they meet none of the bench workbook's.
 */
/** A credit note takes back 10.000 net: no invoice of the export is smaller. */
const NOTE_NET = 10_000;

export function rcvExport(lines: number): { bytes: Buffer; documents: number } {
  const out: string[] = [HEADER];
  const customers = Array.from({ length: 200 }, (_, i) => {
    const body = String(70_000_000 + i * 10_007);
    return { rut: `${body}-${rutCheckDigit(body)}`, name: `${i % 3 === 0 ? ' ' : ''}Comercial Peñalolén ${i} Ltda.`, lastInvoice: null as { folio: number; creditable: number } | null };
  });
  let nro = 0;
  let folio = 500_000;
  while (out.length - 1 < lines) {
    nro += 1;
    folio += 1;
    const customer = customers[nro % customers.length]!;
    const day = String(1 + (nro % 28)).padStart(2, '0');
    const cells = Array<string>(43).fill('');
    const noteTotal = NOTE_NET + Math.round(NOTE_NET * 0.19);
    const isNote = nro % 25 === 0 && (customer.lastInvoice?.creditable ?? 0) >= noteTotal;
    const net = isNote ? NOTE_NET : 10_000 * (1 + (nro % 97));
    const vat = Math.round(net * 0.19);
    const withIla = !isNote && nro % 20 === 0 && out.length < lines - 1;
    const isExempt = nro % 17 === 0;
    cells[0] = String(nro);
    cells[1] = isNote ? '61' : isExempt ? '34' : '33';
    cells[2] = 'Del Giro';
    cells[3] = customer.rut;
    cells[4] = customer.name;
    cells[5] = String(folio);
    cells[6] = `${day}/10/2026`;
    cells[7] = `${day}/10/2026 10:09:00`;
    cells[9] = nro % 50 === 0 ? `${day}/10/2026 16:00:00` : '';
    const ila = withIla ? Math.round(net * 0.1) : 0;
    const ila2 = withIla ? Math.round(net * 0.18) : 0;
    cells[10] = isExempt ? String(net) : '0';
    cells[11] = isExempt ? '0' : String(net);
    cells[12] = isExempt ? '0' : String(vat);
    cells[13] = String(net + (isExempt ? 0 : vat) + ila + ila2);
    if (isNote && customer.lastInvoice) {
      [cells[24], cells[25]] = ['33', String(customer.lastInvoice.folio)];
      customer.lastInvoice.creditable -= noteTotal;
    }
    if (!isNote && !isExempt) customer.lastInvoice = { folio, creditable: Number(cells[13]) };
    if (withIla) [cells[40], cells[41], cells[42]] = ['27', String(ila), '10'];
    out.push(cells.join(';'));
    if (withIla) {
      const more = Array<string>(43).fill('');
      [more[1], more[2], more[3], more[4], more[5], more[6]] = [cells[1]!, 'Del Giro', customer.rut, customer.name.trim(), String(folio), cells[6]!];
      [more[40], more[41], more[42]] = ['271', String(ila2), '18'];
      out.push(more.join(';'));
    }
  }
  return { bytes: Buffer.from(`${out.join('\r\n')}\r\n`, 'latin1'), documents: nro };
}
