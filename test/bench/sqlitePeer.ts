import Database from 'better-sqlite3';
import { CHILE, documentTypeRule, type CurrencyTotals, type InvoiceView, type Query, type SortField } from '../../core';

/**
 * The peer a developer would otherwise pick: better-sqlite3 in memory, the same documents
 * with the same derived columns (balance and status as of the same date), a precomputed
 * accent- and case-folded search column, and indexes for the filters and orders the
 * benchmarks use. Every benchmark asserts that it gives the same answers as core.
 */
export interface SqlitePeer {
  readonly db: Database.Database;
  /** The same query as core's runQuery: a page in the same order, the match count and totals per currency. */
  query(query: Query, offset: number, limit: number): { items: string[]; matched: number; totals: CurrencyTotals[] };
  close(): void;
}

const SCHEMA = `
CREATE TABLE documents (
  row INTEGER PRIMARY KEY,
  type INTEGER NOT NULL, number INTEGER NOT NULL, kind TEXT NOT NULL,
  issue_date TEXT NOT NULL, due_date TEXT,
  customer_tax_id TEXT NOT NULL, tax_id_compact TEXT NOT NULL, customer_name TEXT NOT NULL,
  origin TEXT NOT NULL, net INTEGER NOT NULL, exempt INTEGER NOT NULL, tax INTEGER NOT NULL, total INTEGER NOT NULL,
  currency TEXT NOT NULL, state TEXT NOT NULL,
  paid INTEGER NOT NULL, balance INTEGER NOT NULL, payment_status TEXT NOT NULL, days_overdue INTEGER NOT NULL,
  search_text TEXT NOT NULL
);`;

/** One index per access path the benchmarks take, each ending in the tie-break so pages come straight off it. */
const INDEXES = [
  'CREATE UNIQUE INDEX documents_key ON documents(type, number)',
  'CREATE INDEX documents_by_date ON documents(issue_date DESC, type, number)',
  'CREATE INDEX documents_by_tax_id ON documents(tax_id_compact, issue_date DESC, type, number)',
  'CREATE INDEX documents_by_status_date ON documents(payment_status, issue_date DESC, type, number)',
  'CREATE INDEX documents_by_origin_total ON documents(origin, total)',
  'CREATE INDEX documents_by_total ON documents(total DESC, type, number)',
];

const ORDER_COLUMN: Partial<Record<SortField, string>> = { fecha: 'issue_date', total: 'total', saldo: 'balance', folio: 'number', tipo: 'type', dias: 'days_overdue' };

export function loadSqlitePeer(views: readonly InvoiceView[]): SqlitePeer {
  const db = new Database(':memory:');
  db.exec(SCHEMA);
  const insert = db.prepare(`INSERT INTO documents VALUES (@row, @type, @number, @kind, @issueDate, @dueDate, @customerTaxId, @taxIdCompact, @customerName,
    @origin, @net, @exempt, @tax, @total, @currency, @state, @paid, @balance, @paymentStatus, @daysOverdue, @searchText)`);
  db.transaction(() => {
    for (const v of views) {
      insert.run({
        row: v.row,
        type: v.type,
        number: v.number,
        kind: documentTypeRule(CHILE, v.type)?.kind ?? 'invoice',
        issueDate: v.issueDate,
        dueDate: v.dueDate,
        customerTaxId: v.customerTaxId,
        taxIdCompact: CHILE.compactTaxId(v.customerTaxId).toLowerCase(),
        customerName: v.customerName,
        origin: v.origin,
        net: v.net,
        exempt: v.exempt,
        tax: v.tax,
        total: v.total,
        currency: v.currency,
        state: v.state,
        paid: v.paid,
        balance: v.balance,
        paymentStatus: v.paymentStatus,
        daysOverdue: v.daysOverdue,
        searchText: v.searchText,
      });
    }
  })();
  for (const index of INDEXES) db.exec(index);
  db.exec('ANALYZE');

  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return {
    db,
    query(query, offset, limit) {
      const { where, params } = whereClause(query);
      const totals = prepared(`SELECT currency, COUNT(*) AS count, SUM(CASE WHEN state = 'anulada' THEN 0 WHEN kind = 'credit-note' THEN -total ELSE total END) AS total, SUM(balance) AS balance
        FROM documents ${where} GROUP BY currency ORDER BY currency`).all(...params) as CurrencyTotals[];
      const page = prepared(`SELECT * FROM documents ${where} ORDER BY ${orderBy(query)} LIMIT ? OFFSET ?`).all(...params, limit, offset) as { type: number; number: number }[];
      return { items: page.map((r) => `${r.type}-${r.number}`), matched: totals.reduce((sum, t) => sum + t.count, 0), totals };
    },
    close: () => db.close(),
  };
}

/** The parsed query as SQL: only what the benchmarks ask (amounts are CLP, which has no minor units). */
function whereClause(query: Query): { where: string; params: (string | number)[] } {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  const list = (column: string, values: readonly (string | number)[]): void => {
    conditions.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  for (const word of query.words) {
    conditions.push('instr(search_text, ?) > 0');
    params.push(word);
  }
  for (const filter of query.filters) {
    switch (filter.kind) {
      case 'status':
        list('payment_status', filter.statuses);
        break;
      case 'taxId':
        conditions.push('tax_id_compact = ?');
        params.push(filter.compact);
        break;
      case 'from':
        conditions.push('issue_date >= ?');
        params.push(filter.date);
        break;
      case 'to':
        conditions.push('issue_date <= ?');
        params.push(filter.date);
        break;
      case 'origin':
        list('origin', filter.origins);
        break;
      case 'type':
        list('type', filter.types);
        break;
      case 'amount':
        conditions.push(`${filter.field === 'total' ? 'total' : 'balance'} ${filter.op} ?`);
        params.push(filter.value);
        break;
      default:
        throw new Error(`the SQLite peer does not translate ${filter.kind} filters`);
    }
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

function orderBy(query: Query): string {
  const keys = query.sort.length > 0 ? query.sort : [{ field: 'fecha' as const, descending: true }];
  const columns = keys.map(({ field, descending }) => {
    const column = ORDER_COLUMN[field];
    if (!column) throw new Error(`the SQLite peer does not sort by ${field}`);
    return `${column}${descending ? ' DESC' : ''}`;
  });
  return [...columns, 'type', 'number', 'row'].join(', ');
}
