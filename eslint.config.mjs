// ESLint (flat config): typescript-eslint's recommended rules, and the boundaries of ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** An import pattern and the reason it is refused, for no-restricted-imports. */
const refuse = (group, message) => ({ group, message });

const DIALOGS = refuse(
  ['**/dialogs/**', '../../dialogs/*', '../dialogs/*'],
  'Domain code never imports a dialog: dialogs use services, not the other way round.',
);
const CARDS = refuse(
  ['**/presentation/cardRenderer', '**/presentation/passwordCard', '**/presentation/welcome'],
  'Services build no card: they speak the domain; dialogs turn it into cards.',
);
const DEMO = refuse(['**/demo/**', '../demo/*', '../../demo/*'], 'The bot never imports the demo tenant: it speaks Graph to it over HTTP.');
const GRAPH_WIRE = refuse(
  ['**/graph/graphApi', '**/graph/client', '@microsoft/microsoft-graph-client'],
  'Dialogs never build Graph URLs: they call the feature services.',
);
const FEATURES = refuse(['**/features/**', '../features/*'], 'The Graph transport knows no capability.');
const ADAPTER = {
  name: 'botbuilder',
  importNames: ['CloudAdapter', 'ConfigurationBotFrameworkAuthentication'],
  message: 'Only bot/host creates and holds the adapter.',
};

const restrict = (patterns, paths = []) => ['error', { patterns, paths }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.local/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Configuration is read in one place: bot/host/config.ts (see the overrides below).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through bot/host/config.ts.' }],
    },
  },
  { files: ['bot/features/**/*.ts'], rules: { 'no-restricted-imports': restrict([DIALOGS, CARDS, DEMO], [ADAPTER]) } },
  { files: ['bot/graph/**/*.ts'], rules: { 'no-restricted-imports': restrict([DIALOGS, CARDS, DEMO, FEATURES], [ADAPTER]) } },
  {
    files: ['bot/policy/**/*.ts', 'bot/storage/**/*.ts', 'bot/nlu/**/*.ts', 'bot/turn/**/*.ts', 'bot/presentation/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([DIALOGS, DEMO], [ADAPTER]) },
  },
  { files: ['bot/host/**/*.ts'], rules: { 'no-restricted-imports': restrict([DEMO]) } },
  { files: ['dialogs/**/*.ts'], rules: { 'no-restricted-imports': restrict([GRAPH_WIRE, DEMO], [ADAPTER]) } },
  // Where the environment may be read: the configuration, the child processes it is handed on to, and the demo tenant's own server.
  { files: ['bot/host/config.ts', 'bot/host/process/childService.ts', 'demo/main.ts', 'test/**/*.ts'], rules: { 'no-restricted-properties': 'off' } },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
