/** Longest piece of a person's input a message repeats; a 39 MB body once came back whole. */
export const ECHO_LIMIT = 80;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeControl = (char: string): string => {
  switch (char) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
};

/**
 * What a message may repeat of a person's input: control bytes (and the bidi overrides that
 * reorder text on screen) written as escapes, so a terminal, a log or a Slack line cannot be
 * rewritten by them, and at most ECHO_LIMIT characters, saying how long the whole was.
 */
export function echoInput(value: unknown): string {
  const text = String(value ?? '');
  // Only the start is split into characters (a 39 MB text is never copied whole); the length counts UTF-16 units.
  const head = Array.from(text.slice(0, ECHO_LIMIT * 2))
    .slice(0, ECHO_LIMIT)
    .join('');
  const shown = head.length < text.length ? `${head}… (${text.length})` : text;
  return shown.replace(CONTROL, escapeControl);
}
