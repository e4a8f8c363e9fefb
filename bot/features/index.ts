import { admins } from './admins/feature';
import { audit } from './audit/feature';
import { directory } from './directory/feature';
import { domains } from './domains/feature';
import type { GraphRequestUse } from '../graph/graphRequests';
import type { Capability } from '../policy/capabilities';
import { CardAnswerRules, type FieldRule } from '../policy/cardData';
import type { Feature } from './feature';
import { helpdesk } from './helpdesk/feature';
import { incidents } from './incidents/feature';
import { knowledge } from './knowledge/feature';
import { licences } from './licences/feature';
import { passwords } from './passwords/feature';
import { serviceHealth } from './serviceHealth/feature';

/**
 * The capabilities of the bot, in the order their requests are routed. Adding one: a folder in
 * bot/features/ (its services and feature.ts), dialogs/ and cards/, one line here, one line in
 * dialogs/features.ts (the compiler asks for it), locale keys and training phrases.
 */
export const FEATURES = [
  directory,
  licences,
  passwords,
  admins,
  helpdesk,
  incidents,
  audit,
  serviceHealth,
  domains,
  knowledge,
] as const satisfies readonly Feature[];

export type FeatureName = (typeof FEATURES)[number]['name'];

/** Every operation and the roles it needs (the Authorizer's table, the help card's). */
export const CAPABILITIES: readonly Capability[] = FEATURES.flatMap((f): readonly Capability[] => f.operations);

/** Every Graph request the bot makes, with its application permission (the README's table; checked against the code and Microsoft's map). */
export const GRAPH_REQUESTS: readonly GraphRequestUse[] = FEATURES.flatMap((f): readonly GraphRequestUse[] => f.graphRequests);

/** The Table Storage tables of the features. */
export const FEATURE_TABLES: readonly string[] = FEATURES.flatMap((f): readonly string[] => f.tables);

/** The checks of every card answer: the core fields, and each feature's verbs and fields. */
export function cardAnswerRules(): CardAnswerRules {
  const merge = (parts: readonly (Readonly<Record<string, unknown>> | undefined)[]) => Object.assign({}, ...parts.map((p) => p ?? {}));
  const features: readonly Feature[] = FEATURES;
  return new CardAnswerRules(
    merge(features.map((f) => f.submitFields)) as Record<string, FieldRule>,
    merge(features.map((f) => f.cardVerbs)) as Record<string, Record<string, FieldRule>>,
  );
}
