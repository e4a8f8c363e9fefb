import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { Attachment, CardFactory } from 'botbuilder';
import { projectPath } from '../host/paths';
import { CardData, CardName } from './cardTypes';

/** How many bound cards are kept for the next turn that binds the same. */
const BOUND_CARDS_KEPT = 200;

/**
 * Binds the Adaptive Card templates of cards/ (one JSON file each, in a folder per feature) with
 * their typed data (cardTypes.ts). A template's name is its file name, unique across folders.
 */
export class CardRenderer {
  /** Parsed once: a template's expressions are compiled when it is made, and it binds any data after. */
  private readonly templates = new Map<string, ACData.Template>();
  /**
   * The cards bound lately, by template and data (the help card, an inventory: the same data turn
   * after turn): binding is the costly part, a copy of the card bound already is not. Least
   * recently used first out.
   */
  private readonly bound = new Map<string, string>();

  constructor(directory = projectPath('cards')) {
    for (const file of readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))) {
      const name = basename(file, '.json');
      if (this.templates.has(name)) throw new Error(`Two card templates are named "${name}" in cards/`);
      this.templates.set(name, new ACData.Template(JSON.parse(readFileSync(join(directory, file), 'utf8')) as object));
    }
  }

  names(): string[] {
    return [...this.templates.keys()];
  }

  /** The card as JSON, the template bound with `data` ($root): a card of its own, which the caller may change. */
  bind<N extends CardName>(name: N, data: CardData[N]): Record<string, unknown> {
    const key = `${name}\u0000${JSON.stringify(data)}`;
    let card = this.bound.get(key);
    if (card === undefined) {
      const template = this.templates.get(name);
      if (!template) throw new Error(`No card template named "${name}" in cards/`);
      card = JSON.stringify(template.expand({ $root: data }));
      if (this.bound.size >= BOUND_CARDS_KEPT) this.bound.delete(this.bound.keys().next().value!);
    } else {
      this.bound.delete(key);
    }
    this.bound.set(key, card);
    return JSON.parse(card) as Record<string, unknown>;
  }

  attachment<N extends CardName>(name: N, data: CardData[N]): Attachment {
    return CardFactory.adaptiveCard(this.bind(name, data));
  }
}
