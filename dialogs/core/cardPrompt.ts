import { Activity, TurnContext } from 'botbuilder';
import { Prompt, PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { fold } from '../../bot/nlu/entities';

/** What a card prompt reads an answer against (kept in the prompt's state with its options). */
export interface CardPromptOptions<V extends object> extends PromptOptions {
  validations: V;
}

/** Reads a card prompt's answer from the turn: the value, or undefined when this turn does not answer it. */
export type AnswerReader<T, V extends object> = (context: TurnContext, validations: V) => T | undefined;

/**
 * A prompt whose question is an Adaptive Card, as botbuilder's own prompts are made: onPrompt sends
 * the card (or, after an answer it could not take, the retry prompt), onRecognize reads the
 * answer, and a validator may refuse it (a validator that says why itself is not followed by the
 * retry prompt). While it waits, a typed new request drops the dialog (CancelAndHelpDialog).
 */
export class CardPrompt<T, V extends object> extends Prompt<T> {
  constructor(
    dialogId: string,
    private readonly read: AnswerReader<T, V>,
    validator?: PromptValidator<T>,
  ) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (activity) await context.sendActivity(activity as Partial<Activity>);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<T>> {
    const value = this.read(context, (options as CardPromptOptions<V>).validations);
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }
}

/** What a choice card's answer is checked against: its kind, its nonce, the values it offered. */
export interface ChoiceValidations {
  pick: string;
  nonce: string;
  values: string[];
  /** Other names of the values, for typed answers (a plan's part number → its skuId). */
  names?: Record<string, string>;
  /** The titles the card shows, in the order of `values`: a typed answer may be a word of one of them. */
  titles?: string[];
}

/** Words a typed choice may come with (« la Business Standard », "the Teams one, please"). */
const CHOICE_FILLER = new Set('le la les l un une de du des d pour en celle celui stp svp merci plutot the a an one for please thanks instead'.split(' '));

/**
 * The value whose title holds every word typed, when one title alone does (« Teams » for
 * « Administrateur Teams », « standard » for « Microsoft 365 Business Standard (6 disponibles) »).
 */
export function choiceByTitle(text: string, v: ChoiceValidations): string | undefined {
  if (!v.titles) return undefined;
  const wordsOf = (s: string) =>
    fold(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const typed = wordsOf(text).filter((w) => !CHOICE_FILLER.has(w));
  if (typed.length === 0) return undefined;
  const matching = v.titles.flatMap((title, i) => (typed.every((w) => wordsOf(title).includes(w)) ? [v.values[i]] : []));
  return matching.length === 1 ? matching[0] : undefined;
}

/** The prompt of the choice cards of one kind (`pick`): a click on the latest card, or what `typed` makes of a typed answer. */
export function choicePrompt(
  pick: string,
  typed: (text: string, validations: ChoiceValidations) => string | undefined = () => undefined,
): CardPrompt<string, ChoiceValidations> {
  return new CardPrompt<string, ChoiceValidations>(choicePromptId(pick), (context, v) => {
    const value = context.activity.value as { pick?: string; choice?: string; nonce?: string } | undefined;
    if (value !== undefined) {
      // A click on an older card of the same kind does not count.
      return value.pick === v.pick && value.nonce === v.nonce && value.choice !== undefined && v.values.includes(value.choice) ? value.choice : undefined;
    }
    const text = context.activity.text ?? '';
    const answer = typed(text, v) ?? choiceByTitle(text, v);
    return answer !== undefined && v.values.includes(answer) ? answer : undefined;
  });
}

export const choicePromptId = (pick: string) => `choice.${pick}`;
