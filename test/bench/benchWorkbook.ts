import { CHILE, addDays, canonicalHeaders, daysBetween, formatRut, rutCheckDigit, TABS, type Cell, type IsoDate, type WorkbookTables } from '../../core';
import { DEMO_CUSTOMERS, seededRandom, type SeededRandom } from '../../core/demo';

/**
 * Deterministic, realistic workbooks for the benchmarks, shaped as Apps Script's getValues
 * returns them: numbers for amounts, a fresh Date (UTC midnight, read with timeZone 'UTC')
 * in every date cell and '' in every empty cell. A customer base that grows with the book
 * (a few big accounts, a long tail), two years of sales, notes amending invoices of the same
 * customer, void documents, and payments on time, late, partial or missing.
 */
export interface BenchWorkbook {
  readonly tables: WorkbookTables;
  readonly today: IsoDate;
  readonly documentCount: number;
  readonly paymentCount: number;
  readonly customerCount: number;
  /** A mid-sized customer, for the RUT query. */
  readonly probeTaxId: string;
  /** A full month inside the data, for the Libro de Ventas. */
  readonly period: string;
}

export const BENCH_TODAY: IsoDate = '2026-10-15';
const SPAN_DAYS = 730;

const COMPANY_PREFIXES = [
  'Comercial',
  'Distribuidora',
  'Constructora',
  'Ferretería',
  'Agrícola',
  'Inversiones',
  'Transportes',
  'Servicios',
  'Importadora',
  'Sociedad',
  'Inmobiliaria',
  'Maderas',
  'Minera',
  'Pesquera',
  'Viña',
  'Hotelera',
  'Clínica',
  'Colegio',
  'Panadería',
  'Frigorífico',
];
const COMPANY_NAMES = [
  'Peñalolén',
  'Ñuñoa',
  'Valparaíso',
  'Concepción',
  'Los Aromos',
  'El Roble',
  'Andes',
  'Pacífico',
  'Cordillera',
  'Patagonia',
  'Araucanía',
  'Maipú',
  'Quilpué',
  'Chillán',
  'Curicó',
  'Temuco',
  'Osorno',
  'Copiapó',
  'Atacama',
  'Biobío',
  'Los Ángeles',
  'San Joaquín',
  'La Florida',
  'Vitacura',
  'Providencia',
  'Rancagua',
  'Talcahuano',
  'Coquimbo',
  'Iquique',
  'Antofagasta',
  'Puerto Montt',
  'Valdivia',
  'Pucón',
  'Linares',
  'González',
  'Muñoz',
  'Rojas',
  'Díaz',
  'Pérez',
  'Soto',
  'Contreras',
  'Silva',
  'Martínez',
  'Sepúlveda',
  'Morales',
  'Rodríguez',
  'López',
  'Fuentes',
  'Hernández',
  'Torres',
  'Araya',
  'Flores',
  'Espinoza',
  'Valenzuela',
  'Castillo',
  'Tapia',
  'Reyes',
  'Gutiérrez',
  'Castro',
  'Pizarro',
  'Álvarez',
  'Vásquez',
  'Sánchez',
  'Fernández',
  'Ramírez',
  'Carrasco',
  'Gómez',
  'Cortés',
  'Herrera',
  'Núñez',
  'Jara',
  'Vergara',
  'Rivera',
  'Figueroa',
  'Riquelme',
  'García',
  'Miranda',
  'Bravo',
  'Vera',
  'Molina',
  'Vega',
  'Campos',
  'Sandoval',
  'Orellana',
  'Zúñiga',
  'Olivares',
  'Salazar',
];
const COMPANY_SUFFIXES = ['Ltda.', 'S.A.', 'SpA', 'E.I.R.L.', 'y Cía. Ltda.'];
const FIRST_NAMES = [
  'María José',
  'Juan Pablo',
  'Camila',
  'Sebastián',
  'Valentina',
  'Matías',
  'Catalina',
  'Benjamín',
  'Javiera',
  'Joaquín',
  'Fernanda',
  'Tomás',
  'Constanza',
  'Nicolás',
  'Ignacia',
  'Cristóbal',
  'Antonia',
  'Martín',
  'Florencia',
  'Vicente',
];
const REGIONS = [
  ['Metropolitana', 'Santiago'],
  ['Valparaíso', 'Viña del Mar'],
  ['Biobío', 'Concepción'],
  ['Maule', 'Talca'],
  ['La Araucanía', 'Temuco'],
  ['Los Lagos', 'Puerto Montt'],
] as const;
const TAGS = ['retail', 'mayorista', 'gobierno', 'construcción', 'agro', 'turismo', 'educación', 'salud'];
const METHODS = ['Transferencia', 'Transferencia', 'Transferencia', 'Cheque', 'Depósito', 'Vale vista'];
const RETAIL_METHODS = ['Tarjeta de débito', 'Tarjeta de crédito', 'Efectivo'];

interface BenchCustomer {
  readonly taxId: string;
  readonly name: string;
  readonly person: boolean;
  readonly email: string;
  readonly termDays: number;
  /** 0..1: how likely an invoice is paid on time. */
  readonly punctuality: number;
  lastInvoiceFolio: number;
  /** What credit notes may still take back from that invoice (core refuses a credit note beyond it). */
  lastInvoiceCreditable: number;
}

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

function customerBase(random: SeededRandom, count: number): BenchCustomer[] {
  const usedNames = new Set<string>();
  const usedBodies = new Set<number>();
  const customers: BenchCustomer[] = DEMO_CUSTOMERS.map((c) => {
    usedNames.add(c.name);
    usedBodies.add(Number(c.taxId.replace(/\D/g, '').slice(0, -1)));
    return { taxId: c.taxId, name: c.name, person: c.kind === 'persona', email: c.email, termDays: c.paymentTermDays, punctuality: c.punctuality, lastInvoiceFolio: 0, lastInvoiceCreditable: 0 };
  });
  while (customers.length < count) {
    const person = random.chance(0.2);
    const name = person
      ? `${random.pick(FIRST_NAMES)} ${random.pick(COMPANY_NAMES.slice(34))} ${random.pick(COMPANY_NAMES.slice(34))}`
      : `${random.pick(COMPANY_PREFIXES)} ${random.pick(COMPANY_NAMES)} ${random.pick(COMPANY_SUFFIXES)}`;
    if (usedNames.has(name)) continue;
    const body = person ? random.int(5_000_000, 26_000_000) : random.int(60_000_000, 99_999_999);
    if (usedBodies.has(body)) continue;
    usedNames.add(name);
    usedBodies.add(body);
    customers.push({
      taxId: formatRut(String(body), rutCheckDigit(String(body))),
      name,
      person,
      email: `${person ? 'contacto' : 'pagos'}@${slug(name).slice(0, 18)}.cl`,
      termDays: person ? 0 : random.pick([30, 30, 30, 45, 60, 0]),
      punctuality: 0.55 + random.next() * 0.43,
      lastInvoiceFolio: 0,
      lastInvoiceCreditable: 0,
    });
  }
  return customers;
}

/** A few big accounts and a long tail: customer i is picked with weight about 1/sqrt(i). */
const pickCustomer = (random: SeededRandom, customers: readonly BenchCustomer[]): BenchCustomer => {
  const u = random.next();
  return customers[Math.floor(customers.length * u * u)]!;
};

const cellDate = (iso: IsoDate): Date => new Date(`${iso}T00:00:00Z`);

/** The smallest note the generator writes: 1.000 net plus IVA. */
const MIN_NOTE_TOTAL = 1000 + CHILE.vatOn(1000);

export function benchWorkbook(documentCount: number, seed = 20_261_015): BenchWorkbook {
  const random = seededRandom(seed);
  const today = BENCH_TODAY;
  const customerCount = Math.min(5000, Math.max(200, Math.round(documentCount / 40)));
  const customers = customerBase(random, customerCount);
  const dates: IsoDate[] = [];
  for (let d = 0; d <= SPAN_DAYS + 120; d++) dates.push(addDays(today, d - SPAN_DAYS));
  const folios: Record<number, number> = { 33: 0, 34: 0, 39: 0, 56: 0, 61: 0 };
  const header = canonicalHeaders('facturas');
  const facturas: Cell[][] = [header];
  const pagos: Cell[][] = [canonicalHeaders('pagos')];
  let pedido = 40_000;
  let entrega = 80_000;

  for (let i = 0; i < documentCount; i++) {
    // Issue dates rise with the row, as a real sheet grows.
    const day = Math.min(SPAN_DAYS, Math.floor((i * (SPAN_DAYS + 1)) / documentCount));
    const issueDate = dates[day]!;
    const customer = pickCustomer(random, customers);
    const roll = random.next();
    let type = customer.person ? 39 : roll < 0.87 ? 33 : roll < 0.92 ? 34 : roll < 0.935 ? 56 : 61;
    if ((type === 56 || type === 61) && customer.lastInvoiceFolio === 0) type = 33;
    // Too little left to credit: the amendment is a debit note instead.
    if (type === 61 && customer.lastInvoiceCreditable < MIN_NOTE_TOTAL) type = 56;
    const folio = ++folios[type]!;
    if (type === 33) customer.lastInvoiceFolio = folio;
    const isNote = type === 56 || type === 61;

    const scale = random.pick([1, 1, 1, 10, 10, 100]);
    const base = random.int(1, 400) * 500 * scale;
    let net = type === 34 ? 0 : isNote ? Math.max(1000, Math.round(base / 2000) * 100) : type === 39 ? random.int(1, 300) * 100 : base;
    while (type === 61 && net > 1000 && net + CHILE.vatOn(net) > customer.lastInvoiceCreditable) net -= 100;
    const exempt = type === 34 ? base : 0;
    const tax = CHILE.vatOn(net);
    const total = net + exempt + tax;
    if (type === 33) customer.lastInvoiceCreditable = total;
    if (type === 56) customer.lastInvoiceCreditable += total;
    if (type === 61) customer.lastInvoiceCreditable -= total;
    const originRoll = random.next();
    const origin = type === 39 || isNote || originRoll >= 0.75 ? 'Directa' : originRoll < 0.4 ? 'Pedido' : 'Nota de entrega';
    const originRef = origin === 'Pedido' ? `PV-${++pedido}` : origin === 'Nota de entrega' ? `NE-${++entrega}` : '';
    const dueDate = type === 39 || isNote ? '' : cellDate(dates[day + customer.termDays]!);
    const isVoid = random.chance(0.01);
    const notes = !customer.person && random.chance(0.03) ? `OC ${random.int(1000, 9999)}-${random.int(10, 99)}-SE${issueDate.slice(2, 4)}` : '';
    facturas.push([
      type,
      folio,
      cellDate(issueDate),
      dueDate,
      customer.taxId,
      customer.name,
      customer.email,
      origin,
      originRef,
      net,
      exempt,
      tax,
      total,
      'CLP',
      isVoid ? 'Anulada' : 'Emitida',
      isNote ? `33-${customer.lastInvoiceFolio}` : '',
      notes,
      '',
      '',
      '',
    ]);

    if (isVoid || isNote) continue;
    const due = type === 39 ? issueDate : dates[day + customer.termDays]!;
    const age = daysBetween(due, today);
    const fate = payFate(random, type, age, customer.punctuality);
    if (fate === 'none') continue;
    const latest = Math.min(daysBetween(issueDate, today), customer.termDays + (customer.punctuality > 0.8 ? 5 : 40));
    const paidOn = (): IsoDate => (type === 39 ? issueDate : addDays(issueDate, random.int(0, Math.max(0, latest))));
    const method = type === 39 ? random.pick(RETAIL_METHODS) : random.pick(METHODS);
    const amounts =
      fate === 'partial'
        ? [Math.max(100, Math.round((total * random.int(20, 80)) / 10_000) * 100)]
        : type !== 39 && total >= 200_000 && random.chance(0.15)
          ? [Math.round(total / 200) * 100, total - Math.round(total / 200) * 100]
          : [total];
    for (const amount of amounts) {
      pagos.push([cellDate(paidOn()), type, folio, amount, method, method === 'Efectivo' ? '' : `TX-${random.int(10_000_000, 99_999_999)}`, random.pick(['ana.rojas', 'pedro.soto', 'carla.diaz'])]);
    }
  }

  const clientes: Cell[][] = [
    canonicalHeaders('clientes'),
    ...customers.map((c, index) => {
      const [region, commune] = REGIONS[index % REGIONS.length]!;
      return [
        c.taxId,
        c.name,
        c.person ? 'Persona' : 'Empresa',
        c.person ? '' : 'Comercio',
        region,
        commune,
        c.email,
        `+56 9 ${String(10_000_000 + index).slice(0, 4)} ${String(index).padStart(4, '0')}`,
        c.person ? 'particular' : TAGS[index % TAGS.length]!,
      ];
    }),
  ];

  const tables: WorkbookTables = {
    [TABS.facturas.name]: facturas,
    [TABS.detalle.name]: [canonicalHeaders('detalle')],
    [TABS.pagos.name]: pagos,
    [TABS.clientes.name]: clientes,
    [TABS.historial.name]: [canonicalHeaders('historial')],
  };
  return { tables, today, documentCount, paymentCount: pagos.length - 1, customerCount, probeTaxId: customers[2]!.taxId, period: '2026-09' };
}

function payFate(random: SeededRandom, type: number, daysPastDue: number, punctuality: number): 'full' | 'partial' | 'none' {
  if (type === 39) return 'full';
  const roll = random.next();
  if (daysPastDue > 30) return roll < punctuality ? 'full' : roll < punctuality + (1 - punctuality) / 2 ? 'partial' : 'none';
  if (daysPastDue > 0) return roll < punctuality * 0.7 ? 'full' : roll < punctuality * 0.7 + 0.1 ? 'partial' : 'none';
  return roll < 0.3 ? 'full' : roll < 0.45 ? 'partial' : 'none';
}
