import { badRequest, unsupportedQuery } from './graphError';

/**
 * The OData query options the demo tenant honours, with Graph's own limits:
 * $filter (eq, ne, ge, le, startswith, endswith, any(), /$count, and, or, not, parentheses), $select, $top, $search.
 */

type Literal = string | number | boolean | null;
export type Predicate = (item: Record<string, unknown>) => boolean;

interface Token {
  kind: 'word' | 'string' | 'number' | 'punct';
  text: string;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= input.length) throw badRequest(`Invalid filter clause: unterminated string literal.`, 'BadRequest');
        if (input[i] === "'" && input[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        if (input[i] === "'") {
          i++;
          break;
        }
        value += input[i++];
      }
      tokens.push({ kind: 'string', text: value });
      continue;
    }
    if ('(),:'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
      continue;
    }
    const match = /^[A-Za-z0-9_.\-/@$]+/.exec(input.slice(i));
    if (!match) throw badRequest(`Invalid filter clause: syntax error at position ${i} in '${input}'.`, 'BadRequest');
    const text = match[0];
    tokens.push({ kind: /^-?\d+(\.\d+)?$/.test(text) ? 'number' : 'word', text });
    i += text.length;
  }
  return tokens;
}

/** Reads a property path (a/b) on an item; unknown top-level names are refused like Graph does. */
function read(item: Record<string, unknown>, path: string): unknown {
  return path.split('/').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), item);
}

function compare(op: string, left: unknown, right: Literal): boolean {
  const l = typeof left === 'string' ? left.toLowerCase() : left;
  const r = typeof right === 'string' ? right.toLowerCase() : right;
  switch (op) {
    case 'eq':
      return (l ?? null) === r;
    case 'ne':
      return (l ?? null) !== r;
    case 'ge':
      return l !== null && l !== undefined && r !== null && (l as string | number) >= r;
    case 'le':
      return l !== null && l !== undefined && r !== null && (l as string | number) <= r;
    case 'gt':
      return l !== null && l !== undefined && r !== null && (l as string | number) > r;
    case 'lt':
      return l !== null && l !== undefined && r !== null && (l as string | number) < r;
    default:
      throw unsupportedQuery(`Invalid filter clause: unsupported operator '${op}'.`);
  }
}

class FilterParser {
  private pos = 0;
  /** Whether the filter needs Graph's advanced query parameters (a /$count). */
  advanced = false;
  constructor(
    private readonly tokens: Token[],
    private readonly known: Set<string>,
    private readonly typeName: string,
  ) {}

  parse(): Predicate {
    const predicate = this.or();
    if (this.pos < this.tokens.length) throw this.syntax();
    return predicate;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private next(): Token {
    const token = this.tokens[this.pos++];
    if (!token) throw this.syntax();
    return token;
  }
  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) throw this.syntax();
  }
  private isWord(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text.toLowerCase() === text;
  }
  private syntax() {
    return badRequest('Invalid filter clause: syntax error.', 'BadRequest');
  }

  private or(): Predicate {
    let left = this.and();
    while (this.isWord('or')) {
      this.pos++;
      const right = this.and();
      const l = left;
      left = (x) => l(x) || right(x);
    }
    return left;
  }
  private and(): Predicate {
    let left = this.unary();
    while (this.isWord('and')) {
      this.pos++;
      const right = this.unary();
      const l = left;
      left = (x) => l(x) && right(x);
    }
    return left;
  }
  private unary(): Predicate {
    if (this.isWord('not')) {
      this.pos++;
      const inner = this.unary();
      return (x) => !inner(x);
    }
    return this.primary();
  }
  private property(name: string): string {
    const top = name.split('/')[0];
    if (!this.known.has(top)) throw badRequest(`Could not find a property named '${top}' on type '${this.typeName}'.`, 'BadRequest');
    return name;
  }
  private literal(): Literal {
    const token = this.next();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    const word = token.text.toLowerCase();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token.text)) return token.text;
    throw this.syntax();
  }
  private primary(): Predicate {
    const token = this.next();
    if (token.text === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (token.kind !== 'word') throw this.syntax();
    const name = token.text;
    const fn = name.toLowerCase();
    if ((fn === 'startswith' || fn === 'endswith') && this.peek()?.text === '(') {
      this.expect('(');
      const path = this.property(this.next().text);
      this.expect(',');
      const value = this.literal();
      this.expect(')');
      if (typeof value !== 'string') throw this.syntax();
      const wanted = value.toLowerCase();
      return (x) => {
        const v = read(x, path);
        return typeof v === 'string' && (fn === 'startswith' ? v.toLowerCase().startsWith(wanted) : v.toLowerCase().endsWith(wanted));
      };
    }
    const lambda = /^(.+)\/(any|all)$/i.exec(name);
    if (lambda) return this.lambda(this.property(lambda[1]), lambda[2].toLowerCase());
    // collection/$count eq 0: an advanced query (ConsistencyLevel: eventual and $count=true, checked by the caller).
    const counted = /^(.+)\/\$count$/.exec(name);
    if (counted) {
      const path = this.property(counted[1]);
      this.advanced = true;
      const op = this.next().text.toLowerCase();
      const value = this.literal();
      if (typeof value !== 'number') throw this.syntax();
      return (x) => {
        const collection = read(x, path);
        return compare(op, Array.isArray(collection) ? collection.length : 0, value);
      };
    }
    const path = this.property(name);
    const op = this.next().text.toLowerCase();
    const value = this.literal();
    return (x) => compare(op, read(x, path), value);
  }
  /** collection/any(v: v/prop eq literal) or collection/any(v: v eq literal) */
  private lambda(path: string, kind: string): Predicate {
    this.expect('(');
    const variable = this.next().text;
    this.expect(':');
    const target = this.next().text;
    const op = this.next().text.toLowerCase();
    const value = this.literal();
    this.expect(')');
    const inner = target === variable ? '' : target.startsWith(variable + '/') ? target.slice(variable.length + 1) : undefined;
    if (inner === undefined) throw this.syntax();
    const test = (element: unknown) => compare(op, inner === '' ? element : read(element as Record<string, unknown>, inner), value);
    return (x) => {
      const collection = read(x, path);
      if (!Array.isArray(collection)) return false;
      return kind === 'any' ? collection.some(test) : collection.every(test);
    };
  }
}

export function parseFilter(filter: string, knownProperties: Iterable<string>, typeName: string): Predicate & { advanced?: boolean } {
  const parser = new FilterParser(tokenize(filter), new Set(knownProperties), typeName);
  const predicate: Predicate & { advanced?: boolean } = parser.parse();
  predicate.advanced = parser.advanced;
  return predicate;
}

/** $select: only the named properties (id always), refusing names the type does not have. */
export function applySelect<T extends Record<string, unknown>>(item: T, select: string[] | undefined, defaults: readonly string[]): Record<string, unknown> {
  const wanted = select && select.length > 0 ? ['id', ...select] : defaults;
  const out: Record<string, unknown> = {};
  for (const key of wanted) if (key in item) out[key] = item[key] ?? null;
  return out;
}

export function parseSelect(raw: string | null, known: Iterable<string>, typeName: string): string[] | undefined {
  if (!raw) return undefined;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const knownSet = new Set(known);
  for (const name of names) {
    if (!knownSet.has(name)) throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`, 'BadRequest');
  }
  return names;
}

export function parseTop(raw: string | null, max: number): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`, 'Request_UnsupportedQuery');
  }
  return Number(raw);
}

/**
 * $search="displayName:julie" (or "julie"): word-prefix match, as Graph's tokenized search does.
 * Graph requires the ConsistencyLevel: eventual header for it.
 */
export function parseSearch(raw: string | null, consistencyLevel: string | undefined, searchable: readonly string[]): Predicate | undefined {
  if (raw === null) return undefined;
  if ((consistencyLevel ?? '').toLowerCase() !== 'eventual') {
    throw unsupportedQuery("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  }
  const clauses = [...raw.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  if (clauses.length === 0) throw badRequest("Syntax error: character '\"' expected in $search.", 'BadRequest');
  const tests = clauses.map((clause) => {
    const [field, term] = clause.includes(':') ? clause.split(/:(.*)/s, 2) : [undefined, clause];
    const fields = field ? [field] : [...searchable];
    const words = term.toLowerCase().split(/\s+/).filter(Boolean);
    return (x: Record<string, unknown>) =>
      fields.some((f) => {
        const value = String(x[f] ?? '').toLowerCase();
        const tokens = value.split(/[^\p{L}\p{N}]+/u);
        return words.every((w) => tokens.some((t) => t.startsWith(w)) || value.startsWith(w));
      });
  });
  return (x) => tests.some((t) => t(x));
}
