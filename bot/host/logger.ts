import type { LogLevel } from './config';

/** A JSON-lines logger. Secrets never reach the output: keys that name them, and values that look like them, are redacted. */

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass(word)?|secret|token|authorization|connectionstring|accountkey|credential|cookie/i;
const SECRET_VALUE: [RegExp, string][] = [
  [/(AccountKey|SharedAccessSignature|sig|password|client_secret)=([^;&\s"]+)/gi, '$1=[redacted]'],
  [/Bearer\s+[A-Za-z0-9\-._~+/]+=*/g, 'Bearer [redacted]'],
];

export type LogFields = Record<string, unknown>;
export type LogSink = (line: string) => void;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return SECRET_VALUE.reduce((s, [re, by]) => s.replace(re, by), value);
  if (value instanceof Error) {
    return redact({ name: value.name, message: value.message, code: (value as { code?: unknown }).code, stack: value.stack }, depth + 1);
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: LogFields = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

export class Logger {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly fields: LogFields = {},
    private readonly sink: LogSink = (line) => process.stdout.write(line + '\n'),
  ) {}

  child(fields: LogFields): Logger {
    return new Logger(this.level, { ...this.fields, ...fields }, this.sink);
  }

  debug(msg: string, fields?: LogFields): void {
    this.write('debug', msg, fields);
  }
  info(msg: string, fields?: LogFields): void {
    this.write('info', msg, fields);
  }
  warn(msg: string, fields?: LogFields): void {
    this.write('warn', msg, fields);
  }
  error(msg: string, fields?: LogFields): void {
    this.write('error', msg, fields);
  }

  private write(level: LogLevel, msg: string, fields?: LogFields): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const entry = redact({ time: new Date().toISOString(), level, msg, ...this.fields, ...fields });
    this.sink(JSON.stringify(entry));
  }
}
