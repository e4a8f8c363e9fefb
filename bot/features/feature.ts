import type { GraphRequestUse } from '../graph/graphRequests';
import type { Capability } from '../policy/capabilities';
import type { FieldRule } from '../policy/cardData';

/**
 * What a capability declares about itself, in one module (bot/features/<name>/feature.ts): the
 * operations it performs and the Entra roles each needs, the Table Storage tables it keeps records
 * in, the Graph requests its services make (with the application permission each relies on), and
 * the card verbs (Action.Execute) and card fields (Action.Submit) it answers. The composition root
 * and the checks (authorization, storage, Graph permissions, card validation, help, tests) read
 * these declarations from the one list in bot/features/index.ts; its dialogs are wired in
 * dialogs/<name>/index.ts.
 */
export interface Feature {
  name: string;
  /** Intents (the recognizer's labels) and operations asked for by name, with the roles that allow each. */
  operations: readonly Capability[];
  /** Table Storage tables holding this capability's records. */
  tables: readonly string[];
  graphRequests: readonly GraphRequestUse[];
  /** Action.Execute verbs its cards send, each with the data fields it carries. */
  cardVerbs?: Readonly<Record<string, Readonly<Record<string, FieldRule>>>>;
  /** Fields its Action.Submit cards send besides the core ones (confirm, pick, action…). */
  submitFields?: Readonly<Record<string, FieldRule>>;
}
