import fc from 'fast-check';
import { decodeText, readDelimited } from '../../core';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from('\uFEFFFerretería', 'utf8'))).toEqual({ text: 'Ferretería', encoding: 'utf-8-bom' });
    expect(decodeText(Buffer.from('Ferretería', 'utf8'))).toEqual({ text: 'Ferretería', encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0x46, 0x65, 0x72, 0x72, 0x65, 0x74, 0x65, 0x72, 0xed, 0x61, 0x20, 0x93, 0x80, 0x94]))).toEqual({ text: 'Ferretería “€”', encoding: 'windows-1252' });
    // Overlong and surrogate forms are not UTF-8.
    expect(decodeText(Buffer.from([0xc0, 0xaf])).encoding).toBe('windows-1252');
    expect(decodeText(Buffer.from([0xed, 0xa0, 0x80])).encoding).toBe('windows-1252');
  });

  it('round-trips any text written as UTF-8, and never invents U+FFFD for any bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const hadReplacement = Buffer.from(bytes).includes(Buffer.from('\ufffd', 'utf8'));
        expect(!hadReplacement && decodeText(bytes).text.includes('\ufffd')).toBe(false);
      }),
    );
  });
});

describe('readDelimited', () => {
  it('gives each record the line it starts on, also after quoted line breaks', () => {
    const read = readDelimited('a;b\r\n"x\r\ny";"z""q"\r\n\r\n1;2\n', ';');
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x\r\ny', 'z"q'] },
        { line: 5, cells: ['1', '2'] },
      ],
    });
    expect(readDelimited('a;b\n"open;2\n', ';')).toEqual({ ok: false, line: 2, problem: 'unterminatedQuote' });
  });
});
