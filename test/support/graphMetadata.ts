import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { projectPath } from '../../bot/host/paths';

/**
 * Microsoft Graph v1.0's own CSDL (test/vendor/graph/v1.0-cleanMetadata.xml.gz), read just enough to
 * answer: does this route exist, and does this type have that property?
 */

interface TypeInfo {
  name: string;
  base?: string;
  properties: Map<string, string>; // name → type (e.g. Collection(graph.assignedLicense))
}

/** A fully qualified type name: Collection() removed, the "graph." alias expanded, a bare name taken as microsoft.graph's. */
function qualify(type: string, namespace = 'microsoft.graph'): string {
  const bare = type.replace(/^Collection\((.*)\)$/, '$1');
  if (bare.startsWith('Edm.')) return bare;
  if (bare.startsWith('graph.')) return `microsoft.graph.${bare.slice(6)}`;
  if (bare.startsWith('self.')) return `${namespace}.${bare.slice(5)}`;
  return bare.includes('.') ? bare : `microsoft.graph.${bare}`;
}
const local = (type: string) => qualify(type);
const isCollection = (type: string) => type.startsWith('Collection(');

export class GraphMetadata {
  private readonly types = new Map<string, TypeInfo>();
  private readonly roots = new Map<string, { type: string; collection: boolean }>();
  /** bound operation name (lower case) → binding parameter types */
  private readonly operations = new Map<string, string[]>();

  constructor(path = projectPath('test', 'vendor', 'graph', 'v1.0-cleanMetadata.xml.gz')) {
    const xml = gunzipSync(readFileSync(path)).toString('utf8');
    const typePattern = /<(EntityType|ComplexType) Name="(\w+)"([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g;
    for (const schema of xml.matchAll(/<Schema Namespace="([\w.]+)"[\s\S]*?<\/Schema>/g)) {
      const namespace = schema[1];
      for (const match of schema[0].matchAll(typePattern)) {
        const base = /BaseType="([\w.]+)"/.exec(match[3])?.[1];
        const properties = new Map<string, string>();
        for (const p of (match[5] ?? '').matchAll(/<(?:Property|NavigationProperty) Name="(\w+)" Type="([^"]+)"/g)) {
          properties.set(p[1], p[2].replace(/self\./g, `${namespace}.`));
        }
        const name = `${namespace}.${match[2]}`;
        this.types.set(name, { name, base: base ? qualify(base, namespace) : undefined, properties });
      }
    }
    for (const m of xml.matchAll(/<EntitySet Name="(\w+)" EntityType="([\w.]+)"/g)) this.roots.set(m[1].toLowerCase(), { type: local(m[2]), collection: true });
    for (const m of xml.matchAll(/<Singleton Name="(\w+)" Type="([\w.]+)"/g)) this.roots.set(m[1].toLowerCase(), { type: local(m[2]), collection: false });
    for (const m of xml.matchAll(/<(?:Action|Function) Name="(\w+)"[^>]*IsBound="true"[^>]*>\s*<Parameter Name="\w+" Type="([^"]+)"/g)) {
      const list = this.operations.get(m[1].toLowerCase()) ?? [];
      list.push(m[2]);
      this.operations.set(m[1].toLowerCase(), list);
    }
  }

  hasType(name: string): boolean {
    return this.types.has(local(name));
  }

  /** The property's declared type on `type` or one of its base types. */
  propertyType(type: string, property: string): string | undefined {
    for (let t = this.types.get(local(type)); t; t = t.base ? this.types.get(t.base) : undefined) {
      const found = t.properties.get(property);
      if (found) return found;
    }
    return undefined;
  }

  private isA(type: string, ancestor: string): boolean {
    for (let t = this.types.get(local(type)); t; t = t.base ? this.types.get(t.base) : undefined) if (t.name === local(ancestor)) return true;
    return false;
  }

  /**
   * Walks a route such as /users/{id}/assignLicense through entity sets, singletons, keys,
   * navigation properties and bound operations. Returns what is wrong, or undefined when it exists.
   */
  checkRoute(template: string): string | undefined {
    const [first, ...rest] = template.split('/').filter(Boolean);
    const root = this.roots.get(first.toLowerCase());
    if (!root) return `no entity set or singleton "${first}"`;
    let current = { ...root };
    for (let i = 0; i < rest.length; i++) {
      const segment = rest[i];
      if (segment.startsWith('{')) {
        if (!current.collection) return `"${segment}" keys a single ${current.type}`;
        current = { type: current.type, collection: false };
        continue;
      }
      const navigation = this.propertyType(current.type, segment);
      if (navigation && this.hasType(navigation)) {
        current = { type: local(navigation), collection: isCollection(navigation) };
        continue;
      }
      const bindings = this.operations.get(segment.toLowerCase());
      const bound = bindings?.some((b) => isCollection(b) === current.collection && this.isA(current.type, local(b)));
      if (bound && i === rest.length - 1) return undefined;
      return `"${segment}" is neither a navigation property nor a bound operation of ${current.type}${current.collection ? ' (collection)' : ''}`;
    }
    return undefined;
  }

  /** Every property of `value` (recursively, through complex and entity types) that `type` does not declare. */
  unknownProperties(type: string, value: unknown, path = ''): string[] {
    if (value === null || typeof value !== 'object') return [];
    if (Array.isArray(value)) return value.flatMap((v, i) => this.unknownProperties(type, v, `${path}[${i}]`));
    const record = value as Record<string, unknown>;
    const actual = typeof record['@odata.type'] === 'string' ? local(String(record['@odata.type']).replace(/^#/, '')) : local(type);
    if (!this.hasType(actual)) return [`${path || '(root)'}: unknown type ${actual}`];
    const problems: string[] = [];
    for (const [key, child] of Object.entries(record)) {
      if (key.startsWith('@odata.') || key.includes('@odata.')) continue;
      const declared = this.propertyType(actual, key);
      if (!declared) {
        problems.push(`${path}${path ? '.' : ''}${key} is not a property of ${actual}`);
        continue;
      }
      if (!local(declared).startsWith('Edm.') && this.hasType(declared))
        problems.push(...this.unknownProperties(declared, child, `${path}${path ? '.' : ''}${key}`));
    }
    return problems;
  }
}
