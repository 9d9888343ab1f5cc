import type { Customer, CustomerKind, Issuer } from '../model';
import { formatRut, rutCheckDigit } from '../tax/rut';

const rut = (body: number): string => formatRut(String(body), rutCheckDigit(String(body)));

/** A Clientes row before it has a row number, with how the sample data makes it behave. */
export interface DemoCustomer extends Omit<Customer, 'row' | 'kind'> {
  readonly kind: CustomerKind;
  /** Days from issue to due date on its invoices. */
  readonly paymentTermDays: number;
  /** How reliably it pays, 0..1: drives which invoices end up overdue. */
  readonly punctuality: number;
}

const customer = (
  body: number,
  name: string,
  kind: CustomerKind,
  businessActivity: string,
  region: string,
  commune: string,
  email: string,
  phone: string,
  tags: string[],
  paymentTermDays: number,
  punctuality: number,
): DemoCustomer => ({
  taxId: rut(body),
  name,
  kind,
  businessActivity,
  region,
  commune,
  email,
  phone,
  tags,
  paymentTermDays,
  punctuality,
});

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  customer(
    76086428,
    'Comercial Los Aromos Ltda.',
    'empresa',
    'Venta al por menor de artículos de ferretería',
    'Metropolitana',
    'Peñalolén',
    'pagos@losaromos.cl',
    '+56 2 2284 1100',
    ['retail'],
    30,
    0.9,
  ),
  customer(96512340, 'Supermercados del Sur S.A.', 'empresa', 'Supermercados', 'Biobío', 'Concepción', 'cuentasporpagar@supersur.cl', '+56 41 221 3300', ['retail', 'mayorista'], 45, 0.8),
  customer(
    77451820,
    'Distribuidora Valparaíso SpA',
    'empresa',
    'Venta al por mayor de materiales de construcción',
    'Valparaíso',
    'Viña del Mar',
    'finanzas@distvalpo.cl',
    '+56 32 268 4400',
    ['mayorista'],
    30,
    0.7,
  ),
  customer(69070100, 'Municipalidad de Ñuñoa', 'empresa', 'Administración pública', 'Metropolitana', 'Ñuñoa', 'tesoreria@nunoa.cl', '+56 2 2240 1000', ['gobierno'], 60, 0.85),
  customer(61608700, 'Servicio de Salud Araucanía Sur', 'empresa', 'Salud pública', 'La Araucanía', 'Temuco', 'abastecimiento@ssas.cl', '+56 45 255 1200', ['gobierno'], 60, 0.6),
  customer(
    78215630,
    'Constructora Cordillera S.A.',
    'empresa',
    'Construcción de edificios',
    'Metropolitana',
    'Las Condes',
    'proveedores@cordillera.cl',
    '+56 2 2950 7700',
    ['construcción', 'mayorista'],
    45,
    0.65,
  ),
  customer(76938112, 'Ferretería El Roble Ltda.', 'empresa', 'Ferretería', 'Maule', 'Talca', 'contacto@elroble.cl', '+56 71 223 5500', ['retail'], 30, 0.95),
  customer(79844250, 'Agrícola Valle de Elqui Ltda.', 'empresa', 'Cultivo de frutas', 'Coquimbo', 'Vicuña', 'administracion@valleelqui.cl', '+56 51 241 2200', ['agro'], 30, 0.75),
  customer(77120994, 'Hotelera Patagonia SpA', 'empresa', 'Hoteles', 'Magallanes', 'Punta Arenas', 'compras@hotelpatagonia.cl', '+56 61 224 6600', ['turismo'], 30, 0.9),
  customer(65112270, 'Fundación Educacional Antártica', 'empresa', 'Enseñanza', 'Los Lagos', 'Puerto Montt', 'rendiciones@antartica.org', '+56 65 225 8800', ['educación'], 30, 0.85),
  customer(15234871, 'María José González Rojas', 'persona', '', 'Metropolitana', 'Maipú', 'mj.gonzalez@correo.cl', '+56 9 8765 4321', ['particular'], 0, 1),
  customer(12531909, 'Juan Pablo Muñoz Aravena', 'persona', '', 'Valparaíso', 'Quilpué', 'jpmunoz@correo.cl', '+56 9 7123 4567', ['particular'], 0, 1),
];

export const DEMO_ISSUER: Issuer = {
  name: 'Ferretería Industrial Andes SpA',
  taxId: rut(76543210),
  businessActivity: 'Venta al por mayor y menor de ferretería y materiales',
  address: 'Av. Vicuña Mackenna 4860, Macul, Santiago',
  email: 'facturacion@ferreandes.cl',
  phone: '+56 2 2345 6789',
};

export interface DemoProduct {
  readonly description: string;
  /** Pesos, a multiple of 100 so discounted line amounts stay whole. */
  readonly unitPrice: number;
  readonly exempt: boolean;
}

const product = (description: string, unitPrice: number, exempt = false): DemoProduct => ({ description, unitPrice, exempt });

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  product('Taladro percutor 800 W', 64_900),
  product('Juego de llaves combinadas 12 piezas', 32_500),
  product('Cemento especial 25 kg', 5_900),
  product('Plancha OSB 15 mm', 18_700),
  product('Pintura látex blanca 4 L', 21_400),
  product('Cable eléctrico 2,5 mm (rollo 100 m)', 47_800),
  product('Guantes de seguridad (par)', 3_200),
  product('Casco de seguridad', 8_900),
  product('Escalera de aluminio 7 peldaños', 89_900),
  product('Tornillos autoperforantes (caja 500)', 12_300),
  product('Perfil metálico 40x40 mm', 9_800),
  product('Generador eléctrico 3.500 W', 489_000),
  product('Compresor de aire 50 L', 219_000),
  product('Manguera de riego 25 m', 15_600),
  product('Carretilla reforzada', 54_300),
];

export const DEMO_EXEMPT_SERVICES: readonly DemoProduct[] = [
  product('Capacitación en seguridad industrial', 350_000, true),
  product('Transporte internacional de carga', 280_000, true),
  product('Asesoría técnica exenta', 150_000, true),
];

export const DEMO_DEBIT_REASONS: readonly string[] = ['Intereses por pago fuera de plazo', 'Diferencia de precio', 'Flete adicional'];
export const DEMO_PAYMENT_METHODS: readonly string[] = ['Transferencia', 'Transferencia', 'Transferencia', 'Cheque', 'Depósito', 'Vale vista'];
export const DEMO_RETAIL_METHODS: readonly string[] = ['Tarjeta de débito', 'Tarjeta de crédito', 'Efectivo'];
export const DEMO_USERS: readonly string[] = ['ana.rojas', 'pedro.soto', 'carla.diaz'];
