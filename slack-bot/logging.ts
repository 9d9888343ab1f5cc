import { LogLevel, type Logger } from '@slack/bolt';

const TOKEN_PATTERN = /xox[abeoprs]-[A-Za-z0-9-]+/g;
const ORDER: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Tokens and the signing secret never reach the log, whoever formats the line (us, Bolt, web-api). */
export function redactingLogger(base: Logger, secrets: readonly string[]): Logger {
  const hidden = secrets.filter((s) => s.length >= 6);
  const redact = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    let text = value.replace(TOKEN_PATTERN, 'xox*-[redacted]');
    for (const secret of hidden) text = text.split(secret).join('[redacted]');
    return text;
  };
  return {
    debug: (...msg) => base.debug(...msg.map(redact)),
    info: (...msg) => base.info(...msg.map(redact)),
    warn: (...msg) => base.warn(...msg.map(redact)),
    error: (...msg) => base.error(...msg.map(redact)),
    setLevel: (level) => base.setLevel(level),
    getLevel: () => base.getLevel(),
    setName: (name) => base.setName(name),
  };
}

/** One line per message on stderr, with level and name, filtered by level. */
export function consoleLogger(name = 'facturas-bot', level: LogLevel = LogLevel.INFO): Logger {
  let current = level;
  let label = name;
  const write = (at: LogLevel, msg: unknown[]): void => {
    if (ORDER.indexOf(at) < ORDER.indexOf(current)) return;
    console.error(`[${at.toUpperCase()}] ${label} ${msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? (m.stack ?? m.message) : JSON.stringify(m))).join(' ')}`);
  };
  return {
    debug: (...msg) => write(LogLevel.DEBUG, msg),
    info: (...msg) => write(LogLevel.INFO, msg),
    warn: (...msg) => write(LogLevel.WARN, msg),
    error: (...msg) => write(LogLevel.ERROR, msg),
    setLevel: (l) => void (current = l),
    getLevel: () => current,
    setName: (n) => void (label = n),
  };
}
