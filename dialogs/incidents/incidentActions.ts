import { Activity, AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { INCIDENT_HANDLERS } from '../../bot/features/incidents/feature';
import { HelpdeskVerb, IncidentDesk, RequesterVerb, ActOutcome } from '../../bot/features/incidents/incidentDesk';
import type { CardInvoke } from '../../bot/policy/cardData';
import type { CardRenderer } from '../../bot/presentation/cardRenderer';
import { roleNames } from '../../bot/presentation/errorMessages';
import { cardResponse } from '../core/routes';
import type { Locale, Localizer } from '../../bot/presentation/i18n';
import { callerOf, correlationIdOf, localeOf } from '../../bot/turn/turnSetup';
import type { Audience, IncidentCards } from './incidentCards';

/** Refusals given to someone who may not see the incident: the clicker is not its requester, lacks the role, or clicked from elsewhere. */
const UNSEEN: ReadonlySet<string> = new Set(['place', 'role', 'notYours']);

/**
 * The buttons of an incident's cards (Action.Execute, data already validated): Take, Comment and
 * Resolve in the helpdesk channel, Comment and Close for the requester. The clicker gets the card
 * back as it is now (with a line saying why when nothing changed); after a change the channel's
 * card is replaced for everyone.
 */
export class IncidentActions {
  constructor(
    private readonly desk: IncidentDesk,
    private readonly incidents: IncidentCards,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {}

  /** Take / Comment / Resolve, from the helpdesk channel. */
  async helpdesk(context: TurnContext, invoke: CardInvoke): Promise<AdaptiveCardInvokeResponse> {
    const verb = invoke.verb as HelpdeskVerb;
    const outcome = await this.desk.act(
      { ...this.asked(context, invoke), verb, text: verb === 'incidentResolve' ? invoke.data.resolution : invoke.data.comment },
      context.activity.conversation.id,
    );
    // One card for everyone in the channel, in the channel's language.
    const locale = await this.desk.channelLocale();
    if (outcome.outcome === 'done') {
      // Everyone in the channel sees the change: the posted card is replaced.
      const id = context.activity.replyToId ?? outcome.incident.card?.activityId;
      const card = this.incidents.card(outcome.incident, locale, 'helpdesk');
      if (id) await context.updateActivity({ id, type: 'message', attachments: [card] } as Partial<Activity>).catch(() => undefined);
      return cardResponse(card.content);
    }
    return this.answer(outcome, 'helpdesk', locale, callerOf(context).name);
  }

  /** Comment / Close, by the requester on their own incident's card. */
  async requester(context: TurnContext, invoke: CardInvoke): Promise<AdaptiveCardInvokeResponse> {
    const verb = invoke.verb as RequesterVerb;
    const outcome = await this.desk.requesterAct({ ...this.asked(context, invoke), verb, text: invoke.data.comment });
    const locale = localeOf(context);
    if (outcome.outcome === 'done') {
      const note = this.localizer.t(locale, verb === 'incidentClose' ? 'incident.closedByYou' : 'incident.commentSent');
      return cardResponse(this.incidents.card(outcome.incident, locale, 'requester', note).content);
    }
    return this.answer(outcome, 'requester', locale, callerOf(context).name);
  }

  private asked(context: TurnContext, invoke: CardInvoke) {
    return { actor: callerOf(context), number: Number(invoke.data.incident), correlationId: correlationIdOf(context) };
  }

  /**
   * Nothing changed. A click refused for who or where it came from gets a notice that carries
   * nothing of the incident (anyone can post a crafted click with any number); a click by someone
   * who may act on it gets the card as it is now, and why nothing changed.
   */
  private answer(outcome: Exclude<ActOutcome, { outcome: 'done' }>, audience: Audience, locale: Locale, clicker: string): AdaptiveCardInvokeResponse {
    if (outcome.outcome === 'unknown') return this.notice(this.localizer.t(locale, 'incident.unknown'));
    const why = this.why(outcome, locale, clicker);
    if (UNSEEN.has(outcome.because)) return this.notice(why);
    return cardResponse(this.incidents.card(outcome.incident, locale, audience, why).content);
  }

  private notice(text: string): AdaptiveCardInvokeResponse {
    return cardResponse(this.cards.bind('notice', { text }));
  }

  private why(outcome: Extract<ActOutcome, { outcome: 'refused' }>, locale: Locale, clicker: string): string {
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    switch (outcome.because) {
      case 'place':
        return t('incident.wrongPlace');
      case 'role':
        return t('incident.notAllowed', { by: clicker, roles: roleNames([...INCIDENT_HANDLERS], locale, this.localizer) });
      case 'notYours':
        return t('incident.notYours');
      case 'finished':
        return t('incident.finished', { state: t(`incident.state.${outcome.incident.state}`).toLowerCase() });
      case 'takenByOther':
        return t('incident.takenByOther', { name: outcome.incident.technician?.name ?? '' });
      case 'textMissing':
        return t('incident.textMissing');
    }
  }
}
