import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { Locale, Localizer } from '../../bot/presentation/i18n';
import { Article, KnowledgeBase } from '../../bot/nlu/knowledge';
import { Intent } from '../../bot/nlu/recognizer';
import { localeOf } from '../../bot/turn/turnSetup';

export const KNOWLEDGE_DIALOG = 'knowledgeDialog';

export interface KnowledgeOptions {
  articleId?: string;
  intent?: Intent;
  /** What the user wrote: of the intent's articles, the one it speaks of (« … sur mon iPhone »: the phone one). */
  text?: string;
  /** The user asked the bot to do something it only explains so far: say so first. */
  notYet?: boolean;
}

/** Answers from the knowledge base: one article as a card, with its links, the next action, and related articles. */
export class KnowledgeDialog extends ComponentDialog {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {
    super(KNOWLEDGE_DIALOG);
    this.addDialog(new WaterfallDialog('answer', [this.answerStep.bind(this)]));
    this.initialDialogId = 'answer';
  }

  private async answerStep(step: WaterfallStepContext<KnowledgeOptions>): Promise<DialogTurnResult> {
    const options = step.options;
    const locale = localeOf(step.context);
    const forIntent = options.intent ? this.knowledge.forIntent(options.intent) : [];
    const spokenOf = options.intent && options.text ? this.knowledge.bestFor(options.intent, options.text, locale) : undefined;
    const article = (options.articleId ? this.knowledge.get(options.articleId) : undefined) ?? spokenOf ?? forIntent[0];
    if (!article) {
      await step.context.sendActivity(this.localizer.t(locale, 'knowledge.notKnown'));
      return step.endDialog();
    }
    const related = forIntent.filter((a) => a.id !== article.id);
    await step.context.sendActivity({ attachments: [this.card(article, related, locale, options.notYet === true)] });
    return step.endDialog(article.id);
  }

  private card(article: Article, related: Article[], locale: Locale, notYet: boolean) {
    return this.cards.attachment('knowledgeArticle', {
      lead: notYet ? this.localizer.t(locale, 'knowledge.notYet') : '',
      title: article.title[locale],
      paragraphs: article.body[locale].split(/\n{2,}/),
      relatedTitle: this.localizer.t(locale, 'knowledge.related'),
      related: related.map((a) => ({ title: a.title[locale], id: a.id })),
      links: article.links.map((l) => ({ title: l.title[locale], url: l.url })),
      next: article.next ? [{ title: article.next.title[locale], action: article.next.action }] : [],
      sources: article.sources.map((s) => ({ title: s.title[locale], url: s.url })),
      sourcesText: this.localizer.t(locale, 'knowledge.sources', {
        sources: article.sources.map((s) => `[${s.title[locale]}](${s.url})`).join(' · '),
        checked: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(article.checked)),
      }),
    });
  }
}
