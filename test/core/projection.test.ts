import fc from 'fast-check';
import { CHILE, buildLedger, bookOfProjection, decodeProjection, encodeProjection, packIntegers, readWorkbook, unpackIntegers } from '../../core';
import { generateWorkbookTables } from '../bench/generateDocuments';

describe('packed integer columns', () => {
  test('read back exactly what was packed, any integer below 2^52 in magnitude', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constant(2 ** 52 - 1), fc.constant(-(2 ** 52)), fc.integer({ min: -(2 ** 52), max: 2 ** 52 - 1 }))), (values) => {
        expect(unpackIntegers(packIntegers(values), values.length)).toEqual(values);
      }),
    );
  });

  test('small numbers take one character, and text that is not a packed list of that length is refused', () => {
    expect(packIntegers([0, 1, -1, 15, -16])).toHaveLength(5);
    expect(packIntegers([250_000])).toHaveLength(4);
    expect(unpackIntegers(packIntegers([1, 2, 3]), 2)).toBeNull();
    expect(unpackIntegers('A!', 2)).toBeNull();
  });
});

describe('the sidebar projection', () => {
  const read = readWorkbook(generateWorkbookTables({ count: 300, today: '2026-10-15' }), { profile: CHILE, timeZone: 'UTC' });
  const ledger = buildLedger(read.book, '2026-10-15', CHILE);

  test('reads back every document (but the fields left for the detail) and gives core the same ledger', () => {
    const projection = JSON.parse(JSON.stringify(encodeProjection(ledger.views, read.book.customers, '2026-10-15', CHILE)));
    const back = decodeProjection(projection, CHILE);
    expect(back.documents).toEqual(read.book.documents.map((doc) => ({ ...doc, email: '', originRef: '', notes: '' })));
    const again = buildLedger(bookOfProjection(back, read.book.issuer), '2026-10-15', CHILE);
    const position = (views: typeof ledger.views) => views.map((v) => [v.paid, v.adjustments, v.balance, v.paymentStatus, v.daysOverdue, v.searchText, v.customerTags]);
    expect(position(again.views)).toEqual(position(ledger.views));
  });

  test('a projection of another format is refused plainly', () => {
    const projection = { ...encodeProjection(ledger.views, [], '2026-10-15', CHILE), format: 2 };
    expect(() => decodeProjection(projection as never, CHILE)).toThrow(/format 2/);
  });
});
