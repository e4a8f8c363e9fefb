import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CAPABILITIES, FEATURES, GRAPH_REQUESTS } from '../bot/features';
import type { Feature } from '../bot/features/feature';
import { projectPath } from '../bot/host/paths';
import { INTENTS } from '../bot/nlu/recognizer';
import { FEATURE_DIALOGS } from '../dialogs/features';

const features: readonly Feature[] = FEATURES;

describe('The feature list', () => {
  it("declares every intent a user can ask for exactly once (help, cancel and none are the main dialog's)", () => {
    const declared = CAPABILITIES.map((c) => c.intent);
    for (const intent of INTENTS.filter((i) => !['help', 'cancel', 'none'].includes(i))) {
      assert.equal(declared.filter((d) => d === intent).length, 1, intent);
    }
    assert.equal(new Set(declared).size, declared.length, 'no operation is declared twice');
  });

  it('gives each feature its folder under bot/features, and its dialogs', () => {
    for (const feature of features) {
      assert.ok(existsSync(projectPath('bot', 'features', feature.name, 'feature.ts')), feature.name);
      assert.equal(typeof FEATURE_DIALOGS[feature.name as keyof typeof FEATURE_DIALOGS], 'function', feature.name);
    }
  });

  it('never gives one table or one card verb to two features', () => {
    const tables = features.flatMap((f) => f.tables);
    const verbs = features.flatMap((f) => Object.keys(f.cardVerbs ?? {}));
    assert.equal(new Set(tables).size, tables.length);
    assert.equal(new Set(verbs).size, verbs.length);
  });

  it('declares each Graph request once, with its permission', () => {
    const keys = GRAPH_REQUESTS.map((r) => `${r.method} ${r.path} ${r.permission}`);
    assert.equal(new Set(keys).size, keys.length);
  });
});
