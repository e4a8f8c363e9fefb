import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { Attachment, CardFactory } from 'botbuilder';
import { projectPath } from './paths';

export type CardName = string;

/** Binds the Adaptive Card templates of cards/ (one JSON file each) with data. */
export class CardRenderer {
  private readonly templates = new Map<string, object>();

  constructor(directory = projectPath('cards')) {
    for (const file of readdirSync(directory).filter((f) => f.endsWith('.json'))) {
      this.templates.set(file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(directory, file), 'utf8')) as object);
    }
  }

  names(): string[] {
    return [...this.templates.keys()];
  }

  /** The card as JSON, the template bound with `data` ($root). */
  bind(name: CardName, data: object): Record<string, unknown> {
    const template = this.templates.get(name);
    if (!template) throw new Error(`No card template named "${name}" in cards/`);
    return new ACData.Template(template).expand({ $root: data }) as Record<string, unknown>;
  }

  attachment(name: CardName, data: object): Attachment {
    return CardFactory.adaptiveCard(this.bind(name, data));
  }
}
