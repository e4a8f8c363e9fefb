import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { DialogTurnResult, PromptValidatorContext, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Impact, IMPACTS, INCIDENT_SERVICES, incidentLabel } from '../../bot/features/incidents/incident';
import type { IncidentDesk, IncidentDraft } from '../../bot/features/incidents/incidentDesk';
import type { ServiceHealthService, ServiceIssue } from '../../bot/features/serviceHealth/serviceHealth';
import { fold } from '../../bot/nlu/entities';
import type { Recognition } from '../../bot/nlu/recognizer';
import { AppError } from '../../bot/policy/errors';
import { userMessageFor } from '../../bot/presentation/errorMessages';
import { askerOf, correlationIdOf, localeOf } from '../../bot/turn/turnSetup';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { CardPrompt, CardPromptOptions, choicePrompt } from '../core/cardPrompt';
import { WriteServices, WriteSteps } from '../core/writeSteps';
import type { IncidentCards } from './incidentCards';

export const DECLARE_INCIDENT_DIALOG = 'declareIncidentDialog';
const FORM_PROMPT = 'incidentForm';

export interface DeclareIncidentServices extends WriteServices {
  incidentDesk: IncidentDesk;
  incidentCards: IncidentCards;
  serviceHealth: ServiceHealthService;
}

/** What the form holds (as the user left it), kept in the dialog's state between the steps. */
type Form = Omit<IncidentDraft, 'issue' | 'impact'> & { impact: string };

interface DeclareState {
  form?: Form;
  /** Microsoft's issue on that service, when it reports one. */
  issue?: ServiceIssue;
}

/** « depuis ce matin », "since yesterday": when it started, in the user's words, up to the next clause (« … chez nous », "… for the whole team"). */
const SINCE = /\b(depuis|since)\b(?:\s+(?!(?:chez|pour|sur|dans|avec|et|mais|car|quand|for|on|in|at|with|and|but|when|because)\b)[^\s.,;!?]+){1,5}/i;
/** Who is affected, when the message says it: a team, or everyone. */
const AFFECTS_COMPANY =
  /\b(tout le monde|toute l'entreprise|toute la societe|toute la boite|tous les utilisateurs|tous les salaries|personne ne peut|personne n'arrive|everyone|everybody|the whole company|whole company|entire company|all users|all staff|nobody can|no one can|company-wide|all (the |of the )?(company|staff|users|employees|organi[sz]ation)|all of us|the whole organi[sz]ation|tout le personnel|toute la compagnie|toute l'organisation|tous les collaborateurs)\b/;
const AFFECTS_TEAM =
  /\b(mon equipe|notre equipe|toute l'equipe|tout le service|tout mon service|mes collegues|tout le bureau|my team|our team|the whole team|whole team|the team|my department|our department|my colleagues|the whole office|whole office)\b/;
/** Who is affected by what the message says (folded): the company, a team, else the user. */
function affected(folded: string): Impact {
  return AFFECTS_COMPANY.test(folded) ? 'company' : AFFECTS_TEAM.test(folded) ? 'team' : 'me';
}

/** The words of a request to declare, which say nothing of the problem itself. */
const DECLARING =
  /\b(je|j|veux|voudrais|voudrai|souhaite|aimerais|dois|faut|il|declarer|signaler|ouvrir|creer|faire|remonter|un|une|nouvel|nouveau|incident|ticket|probleme|panne|bug|svp|stp|merci|please|i|want|would|like|need|to|report|open|file|create|raise|log|a|an|new|issue|problem|outage|support)\b/g;

/**
 * « Outlook ne marche plus depuis ce matin », « je veux déclarer un incident »: what the message
 * already says (the service, since when, the problem) fills a card where the user completes the
 * rest (service, who is affected, description, since when, a phone). If Microsoft already reports
 * an issue on that service, the user sees it and may link the incident to it (and be told of its
 * updates) or file nothing. The incident is numbered and stored before anything is said, then
 * posted in the helpdesk channel.
 */
export class DeclareIncidentDialog extends CancelAndHelpDialog {
  private readonly steps: WriteSteps;

  constructor(private readonly services: DeclareIncidentServices) {
    super(DECLARE_INCIDENT_DIALOG, services.interruptions);
    this.steps = new WriteSteps(services);
    this.addDialog(this.formPrompt());
    this.addDialog(choicePrompt('issue'));
    this.addDialog(new WaterfallDialog('declare', [this.formStep.bind(this), this.knownIssueStep.bind(this), this.fileStep.bind(this)]));
    this.initialDialogId = 'declare';
  }

  private async formStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const { text, entities } = step.options;
    const named = entities.find((e) => e.type === 'service')?.value;
    const form: Form = {
      service: named && (INCIDENT_SERVICES as readonly string[]).includes(named) ? named : '',
      impact: affected(fold(text)),
      description: describesTheProblem(text, named !== undefined) ? text.trim() : '',
      since: SINCE.exec(text)?.[0].trim() ?? '',
      phone: '',
    };
    const nonce = randomUUID();
    const prompt = { type: 'message', attachments: [this.formCard(step.context, form, nonce)] };
    const options: CardPromptOptions<{ nonce: string }> = { prompt, retryPrompt: prompt, validations: { nonce } };
    return step.prompt(FORM_PROMPT, options);
  }

  private async knownIssueStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.values as DeclareState;
    state.form = step.result as Form;
    if (state.form.service === 'other') return step.next('anyway');
    let issues: ServiceIssue[] = [];
    try {
      issues = await this.services.serviceHealth.openIssuesOf(state.form.service);
    } catch (error) {
      // Service health unreadable: the incident is filed all the same, without a link.
      if (!(error instanceof AppError)) throw error;
    }
    if (issues.length === 0) return step.next('anyway');
    const issue = (state.issue = issues[0]);
    const t = (key: string) => this.steps.t(step.context, key, { id: issue.id, title: issue.title, impact: issue.impact });
    return this.steps.askChoice(step, 'issue', t('incident.known.title'), 'incident.known.label', [
      { title: t('incident.known.link'), value: 'link' },
      { title: t('incident.known.anyway'), value: 'anyway' },
      { title: t('incident.known.dontFile'), value: 'dontFile' },
    ]);
  }

  private async fileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { form, issue } = step.values as DeclareState;
    const choice = step.result as 'link' | 'anyway' | 'dontFile';
    const locale = localeOf(step.context);
    if (choice === 'dontFile') {
      await step.context.sendActivity(this.steps.t(step.context, 'incident.known.notFiled', { id: issue!.id }));
      return step.endDialog();
    }
    const draft: IncidentDraft = {
      ...form!,
      impact: form!.impact as Impact,
      issue: choice === 'link' && issue ? { id: issue.id, title: issue.title, lastModified: issue.updatedAt, resolved: issue.resolved } : undefined,
    };
    let filed;
    try {
      filed = await this.services.incidentDesk.file(
        { id: askerOf(step.context).asker, locale, conversationId: step.context.activity.conversation.id },
        draft,
        correlationIdOf(step.context),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const why = userMessageFor(error, locale, this.services.localizer, correlationIdOf(step.context));
      await step.context.sendActivity(`${why} ${this.steps.t(step.context, 'incident.notFiled')}`);
      return step.endDialog();
    }
    const { incident, delivery } = filed;
    const params = {
      label: incidentLabel(incident.number),
      service: this.services.incidentCards.serviceName(incident.service, locale),
      id: incident.issue?.id ?? '',
    };
    const said = [this.steps.t(step.context, `incident.filed.${delivery}`, params)];
    if (incident.issue) said.push(this.steps.t(step.context, 'incident.filed.linked', params));
    await step.context.sendActivity({ text: said.join(' '), attachments: [this.services.incidentCards.card(incident, locale, 'requester')] });
    return step.endDialog(incident.number);
  }

  /** The form's answer: a click on its latest card, every field checked; the form again (as the user left it) with what is missing. */
  private formPrompt(): CardPrompt<Form, { nonce: string }> {
    const read = (context: TurnContext, form: { nonce: string }): Form | undefined => {
      const value = context.activity.value as Partial<Record<keyof Form | 'incidentForm', string>> | undefined;
      if (value?.incidentForm !== form.nonce) return undefined;
      return {
        service: value.service ?? '',
        impact: value.impact ?? '',
        description: value.description ?? '',
        since: value.since ?? '',
        phone: value.phone ?? '',
      };
    };
    return new CardPrompt(FORM_PROMPT, read, async (prompt: PromptValidatorContext<Form>) => {
      if (!prompt.recognized.succeeded) return false;
      const form = prompt.recognized.value!;
      const missing = !(INCIDENT_SERVICES as readonly string[]).includes(form.service)
        ? 'incident.form.serviceMissing'
        : !(IMPACTS as readonly string[]).includes(form.impact)
          ? 'incident.form.impactMissing'
          : !form.description.trim()
            ? 'incident.form.descriptionMissing'
            : undefined;
      if (!missing) return true;
      const { nonce } = (prompt.options as CardPromptOptions<{ nonce: string }>).validations;
      await prompt.context.sendActivity({ text: this.steps.t(prompt.context, missing), attachments: [this.formCard(prompt.context, form, nonce)] });
      return false;
    });
  }

  private formCard(context: TurnContext, form: Form, nonce: string) {
    const t = (key: string) => this.steps.t(context, key);
    const locale = localeOf(context);
    return this.services.cards.attachment('incidentForm', {
      title: t('incident.form.title'),
      intro: t('incident.form.intro'),
      serviceLabel: t('incident.form.service'),
      services: INCIDENT_SERVICES.map((s) => ({ title: this.services.incidentCards.serviceName(s, locale), value: s })),
      service: form.service,
      impactLabel: t('incident.form.impact'),
      impacts: IMPACTS.map((i) => ({ title: t(`incident.impact.${i}`), value: i })),
      impact: form.impact,
      descriptionLabel: t('incident.form.description'),
      description: form.description,
      sinceLabel: t('incident.form.since'),
      since: form.since ?? '',
      phoneLabel: t('incident.form.phone'),
      phone: form.phone ?? '',
      submitTitle: t('incident.form.submit'),
      cancelTitle: t('confirm.no'),
      nonce,
      ...askerOf(context),
    });
  }
}

/** Whether the message says something of the problem (a service, or words beyond « je veux déclarer un incident »). */
function describesTheProblem(text: string, namesAService: boolean): boolean {
  if (namesAService) return true;
  const rest = fold(text)
    .replace(DECLARING, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return rest.split(' ').filter((w) => w.length > 2).length >= 2;
}
