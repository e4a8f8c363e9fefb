import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../bot/host/paths';

/**
 * Teams renders in cards bold, italic, lists and links only; headers, tables, images, preformatted
 * text and blockquotes are shown as typed (MicrosoftDocs/msteams-docs,
 * msteams-platform/task-modules-and-cards/cards/cards-format.md). Inline code is none of the five
 * it renders: « `outlook.office365.com` » reaches the user with its backquotes.
 */
const NOT_RENDERED: [string, RegExp][] = [
  ['inline or preformatted code', /`/],
  ['a header', /(^|\n)\s{0,3}#{1,6}\s/],
  ['a table', /(^|\n)\s*\|.*\|\s*(\n|$)/],
  ['an image', /!\[[^\]]*\]\(/],
  ['a blockquote', /(^|\n)\s{0,3}>\s/],
];

/** Every string in a JSON document, with where it stands. */
function stringsOf(value: unknown, at: string): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, `${at}.${k}`));
  return [];
}

const texts = (file: string) => stringsOf(JSON.parse(readFileSync(file, 'utf8')), file.replace(projectPath(), ''));
const cardFiles = readdirSync(projectPath('cards'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(projectPath('cards'), f));

describe('Text a user reads uses only the Markdown Teams renders', () => {
  for (const [what, files] of [
    ['the knowledge articles', [projectPath('knowledge', 'articles.json')]],
    ['the locale files', [projectPath('locales', 'fr.json'), projectPath('locales', 'en.json')]],
    ['the card templates', cardFiles],
  ] as const) {
    it(`${what}: no code, header, table, image or blockquote`, () => {
      const found = files.flatMap(texts).flatMap(([at, text]) => NOT_RENDERED.filter(([, pattern]) => pattern.test(text)).map(([kind]) => `${at}: ${kind}`));
      assert.deepEqual(found, []);
    });
  }

  it('catches each kind it looks for', () => {
    for (const sample of ['le serveur `smtp.office365.com`', '# Titre', '| a | b |', '![logo](https://x/y.png)', '> cité']) {
      assert.ok(
        NOT_RENDERED.some(([, pattern]) => pattern.test(sample)),
        sample,
      );
    }
    assert.ok(!NOT_RENDERED.some(([, pattern]) => pattern.test('**gras**, _italique_, [lien](https://x), - liste\r1. liste')));
  });
});
