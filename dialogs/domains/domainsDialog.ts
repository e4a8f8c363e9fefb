import { TurnContext } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { DnsRecord, DomainService, TenantDomain } from '../../bot/features/domains/domains';
import { fold } from '../../bot/nlu/entities';
import type { Recognition } from '../../bot/nlu/recognizer';
import { RoleRequired } from '../../bot/policy/errors';
import type { Locale } from '../../bot/presentation/i18n';
import { localeOf } from '../../bot/turn/turnSetup';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { KNOWLEDGE_DIALOG, KnowledgeDialog } from '../core/knowledgeDialog';
import { WriteServices, WriteSteps } from '../core/writeSteps';

export const DOMAINS_DIALOG = 'domainsDialog';

/** « acheter un nom de domaine », "buy a domain". */
const BUYING = /\b(achet\w*|acquerir|buy\w*|purchas\w*)\b/;
/** « ajoute le domaine … », "add the domain …". */
const ADDING = /\b(ajout\w*|add\w*)\b/;
/** « vérifie … », "verify …". */
const VERIFYING = /\b(verifi\w*|verify\w*|valide\w*|validate\w*)\b/;
/** "what's the MX record for our domain?", « les enregistrements DNS de notre domaine ». */
const RECORDS = /\b(mx|txt|cname|spf|dkim|dns|records?|enregistrements?|autodiscover)\b/;

/**
 * The domain a request means without naming it: "how do I verify a domain?" when one domain waits
 * for its verification; "what's the MX record for our domain?": the default domain, when it is the
 * organisation's own (not the initial onmicrosoft.com one); "is our domain set up for email?": the
 * organisation's domain when it has one only.
 */
function domainMeant(all: TenantDomain[], words: string): TenantDomain | undefined {
  const unverified = all.filter((d) => !d.verified);
  if (VERIFYING.test(words) && unverified.length === 1) return unverified[0];
  const byDefault = all.find((d) => d.isDefault && d.verified && !d.initial);
  // « notre domaine », "our domain": the one, when the organisation has one of its own (besides onmicrosoft.com).
  const ours = all.filter((d) => !d.initial);
  if (ours.length === 1 && /\b(our|my|notre|mon) (domain|domaine)\b/.test(words)) return ours[0];
  return RECORDS.test(words) ? byDefault : undefined;
}

export interface DomainServices extends WriteServices {
  domains: DomainService;
}

interface DomainState {
  /** The domain the confirmation is about, as the organization has it (or will, once added). */
  domain?: TenantDomain;
  action?: 'add' | 'verify';
}

/**
 * « mes domaines », « utiliser lumiere-fils.fr avec les boîtes mail », « ajoute le domaine … »,
 * « vérifie … »: the tenant's domains from Graph, for Global and Domain Name Administrators.
 * Without a domain named: the list and their status. A domain not in the organization: adding it,
 * confirmed and audited, then its TXT record. A domain not verified yet: its TXT record, and the
 * verification, confirmed and audited (a failure says which record Microsoft cannot see). A
 * verified one: the records mail needs, with the values Microsoft gives for it. Anyone else gets
 * the explanation.
 */
export class DomainsDialog extends CancelAndHelpDialog {
  private readonly steps: WriteSteps;

  constructor(
    private readonly services: DomainServices,
    knowledge: KnowledgeDialog,
  ) {
    super(DOMAINS_DIALOG, services.interruptions);
    this.steps = new WriteSteps(services);
    this.addDialog(knowledge);
    this.addDialog(this.steps.confirmPrompt());
    this.addDialog(new WaterfallDialog('domains', [this.showStep.bind(this), this.actStep.bind(this)]));
    this.initialDialogId = 'domains';
  }

  private async showStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    try {
      await this.steps.authorize(step, 'domain.setup');
    } catch (error) {
      if (!(error instanceof RoleRequired)) throw error;
      // Not an administrator of domains: how it is done, rather than a refusal.
      return step.replaceDialog(KNOWLEDGE_DIALOG, { intent: 'domain.setup' });
    }
    const words = fold(step.options.text);
    const named = step.options.entities.find((e) => e.type === 'domain')?.value.toLowerCase();
    // Buying a domain happens at a registrar: the explanation, then the domains once it is added.
    if (!named && BUYING.test(words)) return step.replaceDialog(KNOWLEDGE_DIALOG, { articleId: 'domain.buy' });
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    const all = await this.services.domains.list();
    const domain = named ? all.find((d) => d.name.toLowerCase() === named) : domainMeant(all, words);
    const state = step.values as DomainState;
    if (named && !domain) {
      if (!ADDING.test(words))
        return this.answer(step, t('domains.notInTenant', { domain: named }), [], [], '', `${t('domains.howToAdd')} ${t('domains.toAdd', { domain: named })}`);
      Object.assign(state, { domain: { name: named, verified: false, isDefault: false, initial: false }, action: 'add' });
      return this.steps.askToConfirm(step, {
        operation: 'domain.add',
        title: t('domains.confirmAdd', { domain: named }),
        facts: [{ title: t('domains.fact.domain'), value: named }],
      });
    }
    if (domain && !domain.verified) {
      const records = await this.services.domains.verificationRecords(domain.name);
      // Verified on request only when the request names the domain: « comment on vérifie un domaine ? » gets the record to create.
      if (!named || !VERIFYING.test(words)) {
        return this.answer(
          step,
          t('domains.notVerified', { domain: domain.name }),
          [domain],
          records,
          t('domains.verificationTitle'),
          t('domains.toVerify', { domain: domain.name }),
        );
      }
      Object.assign(state, { domain, action: 'verify' });
      return this.steps.askToConfirm(step, {
        operation: 'domain.verify',
        title: t('domains.confirmVerify', { domain: domain.name }),
        facts: [
          { title: t('domains.fact.domain'), value: domain.name },
          { title: t('domains.fact.record'), value: records.map((r) => `${r.type} @ ${r.value}`).join(' ') },
        ],
      });
    }
    if (domain) {
      const records = await this.services.domains.mailRecords(domain.name);
      return this.answer(step, t('domains.verified', { domain: domain.name }), [domain], records, t('domains.mailTitle'), t('domains.mailNote'));
    }
    const verified = all.filter((d) => d.verified).length;
    return this.answer(step, t('domains.summary', { count: all.length, verified }), all, [], '', t('domains.askForOne'));
  }

  /** After the confirmation: adds or verifies, audited, then shows what comes next. */
  private async actStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const { domain: known, action } = step.values as Required<DomainState>;
    const domain = known.name;
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    return this.steps.actOnConfirmation(step, {
      operation: action === 'add' ? 'domain.add' : 'domain.verify',
      authorize: this.steps.requireRole(step, 'domain.setup'),
      target: domain,
      parameters: {},
      run: async () => [action === 'add' ? await this.services.domains.add(domain) : await this.services.domains.verify(domain)],
      done: async () => {
        // Its status after the write is known: no need to read the list again.
        const listed = [{ ...known, verified: action === 'verify' }];
        if (action === 'add') {
          await this.show(
            step.context,
            t('domains.added', { domain }),
            listed,
            await this.services.domains.verificationRecords(domain),
            t('domains.verificationTitle'),
            '',
          );
        } else {
          await this.show(
            step.context,
            t('domains.nowVerified', { domain }),
            listed,
            await this.services.domains.mailRecords(domain),
            t('domains.mailTitle'),
            t('domains.mailNote'),
          );
        }
        return undefined;
      },
      verify: async () => {
        const found = (await this.services.domains.list()).find((d) => d.name.toLowerCase() === domain.toLowerCase());
        return action === 'add' ? found !== undefined : found?.verified === true;
      },
    });
  }

  /** Shows the domains card and ends the dialog. */
  private async answer(
    step: WaterfallStepContext,
    summary: string,
    domains: TenantDomain[],
    records: DnsRecord[],
    recordsTitle: string,
    note: string,
  ): Promise<DialogTurnResult> {
    await this.show(step.context, summary, domains, records, recordsTitle, note);
    return step.endDialog();
  }

  /** The domains card: a summary, domains with their status, records to create with their exact values, a note. */
  private async show(context: TurnContext, summary: string, domains: TenantDomain[], records: DnsRecord[], recordsTitle: string, note: string): Promise<void> {
    const locale = localeOf(context);
    const t = (key: string, params = {}) => this.services.localizer.t(locale, key, params);
    const card = this.services.cards.attachment('domains', {
      title: t('domains.title'),
      summary,
      domains: domains.map((d) => ({ name: d.name, status: this.status(d, locale) })),
      recordsTitle,
      records: records.map((r) => ({
        heading: t('domains.recordHeading', { type: r.type, host: r.host }),
        value: r.value,
        details: [r.priority !== undefined ? t('domains.priority', { priority: r.priority }) : '', t('domains.ttl', { ttl: r.ttl })]
          .filter(Boolean)
          .join(' · '),
      })),
      note,
      adminCenterTitle: t('domains.adminCenter'),
    });
    await context.sendActivity({ attachments: [card] });
  }

  private status(domain: TenantDomain, locale: Locale): string {
    const t = (key: string) => this.services.localizer.t(locale, key);
    const parts = [t(domain.verified ? 'domains.status.verified' : 'domains.status.notVerified')];
    if (domain.isDefault) parts.push(t('domains.status.default'));
    if (domain.initial) parts.push(t('domains.status.initial'));
    return parts.join(', ');
  }
}
