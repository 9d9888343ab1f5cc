/** One whitespace-separated word of a query; quoted parts may hold spaces. */
export interface QueryToken {
  /** As typed, quotes included: what an issue points at. */
  readonly raw: string;
  /** With the quote marks taken out. */
  readonly text: string;
  readonly quoted: boolean;
  /** A quote opened and never closed: the token runs to the end of the query. */
  readonly unterminated: boolean;
}

// Slack and phones turn "..." into typographic quotes, so those count too.
// The apostrophe does not: names like O'Higgins carry it.
const CLOSERS: Readonly<Record<string, string>> = { '"': '"”', '“': '”"', '”': '”"', '«': '»' };

const isSpace = (ch: string): boolean => /\s/.test(ch);

function indexOfAny(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i]!)) return i;
  return -1;
}

function splitWords(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < query.length) {
    if (isSpace(query[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let text = '';
    let quoted = false;
    let unterminated = false;
    while (i < query.length && !isSpace(query[i]!)) {
      const ch = query[i]!;
      const closers = CLOSERS[ch];
      if (closers === undefined) {
        text += ch;
        i++;
        continue;
      }
      quoted = true;
      const close = indexOfAny(query, closers, i + 1);
      if (close === -1) {
        text += query.slice(i + 1);
        i = query.length;
        unterminated = true;
        break;
      }
      text += query.slice(i + 1, close);
      i = close + 1;
    }
    tokens.push({ raw: query.slice(start, i), text, quoted, unterminated });
  }
  return tokens;
}

const KEY_ONLY = /^\p{L}+$/u;
const KEY_WITH_OPERATOR = /^\p{L}+(:|[<>]=?|=)$/u;
const STARTS_WITH_OPERATOR = /^[<>=]/;
const HAS_KEY = /^\p{L}+(:|[<>]=?|=)/u;

const join = (a: QueryToken, b: QueryToken): QueryToken => ({
  raw: `${a.raw} ${b.raw}`,
  text: a.text + b.text,
  quoted: a.quoted || b.quoted,
  unterminated: b.unterminated,
});

/**
 * Splits a query into words. People type `cliente: acme` or `monto > 1000` with spaces;
 * those pieces are joined back into one filter word. `isComparisonKey` says which bare
 * words (`monto`, `saldo`) may be followed by a separate operator.
 */
export function tokenizeQuery(query: string, isComparisonKey: (word: string) => boolean): QueryToken[] {
  const words = splitWords(query);
  const out: QueryToken[] = [];
  for (let i = 0; i < words.length; i++) {
    let token = words[i]!;
    for (;;) {
      const next = words[i + 1];
      if (!next || token.quoted) break;
      const keyThenOperator = KEY_ONLY.test(token.text) && isComparisonKey(token.text) && !next.quoted && STARTS_WITH_OPERATOR.test(next.text);
      const keyWithoutValue = KEY_WITH_OPERATOR.test(token.text) && !HAS_KEY.test(next.text);
      if (!keyThenOperator && !keyWithoutValue) break;
      token = join(token, next);
      i++;
    }
    out.push(token);
  }
  return out;
}
