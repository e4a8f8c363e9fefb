// nlp.js ships no type declarations: the little of it the recognizer uses, typed where it is used.
declare module '@nlpjs/core' {
  export function containerBootstrap(): Promise<{
    use(plugin: unknown): void;
    get(name: string): unknown;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, override?: boolean): void;
  }>;
}
declare module '@nlpjs/nlp' {
  export const Nlp: unknown;
}
declare module '@nlpjs/lang-fr' {
  export const LangFr: unknown;
}
