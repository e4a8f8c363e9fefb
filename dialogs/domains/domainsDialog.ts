import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { DnsRecord, DomainService, TenantDomain } from '../../bot/features/domains/domains';
import { fold } from '../../bot/nlu/entities';
import type { Recognition } from '../../bot/nlu/recognizer';
import type { Authorizer } from '../../bot/policy/authorization';
import { RoleRequired } from '../../bot/policy/errors';
import type { CardRenderer } from '../../bot/presentation/cardRenderer';
import type { Localizer } from '../../bot/presentation/i18n';
import { localeOf } from '../../bot/turn/turnSetup';
import { KNOWLEDGE_DIALOG, KnowledgeDialog } from '../core/knowledgeDialog';

export const DOMAINS_DIALOG = 'domainsDialog';

/** « acheter un nom de domaine », "buy a domain". */
const BUYING = /\b(achet\w*|acquerir|buy\w*|purchas\w*|register\w* a (new )?domain)\b/;

/**
 * « mes domaines », « utiliser lumiere-fils.fr avec les boîtes mail », « vérifier lumiere-fils.com »:
 * the tenant's domains from Graph, for Global and Domain Name Administrators. Without a domain
 * named: the list and their status. A domain not verified yet: the TXT record that proves
 * ownership, its exact value. A verified one: the records mail needs (MX, autodiscover, SPF), with
 * the values Microsoft gives for it. Anyone else gets the explanation.
 */
export class DomainsDialog extends ComponentDialog {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly domains: DomainService,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    knowledge: KnowledgeDialog,
  ) {
    super(DOMAINS_DIALOG);
    this.addDialog(knowledge);
    this.addDialog(new WaterfallDialog('domains', [this.showStep.bind(this)]));
    this.initialDialogId = 'domains';
  }

  private async showStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    try {
      await this.authorizer.require('domain.setup', step.context.activity.from?.aadObjectId);
    } catch (error) {
      if (!(error instanceof RoleRequired)) throw error;
      // Not an administrator of domains: how it is done, rather than a refusal.
      return step.replaceDialog(KNOWLEDGE_DIALOG, { intent: 'domain.setup' });
    }
    const named = step.options.entities.find((e) => e.type === 'domain')?.value.toLowerCase();
    // Buying a domain happens at a registrar: the explanation, then the domains once it is added.
    if (!named && BUYING.test(fold(step.options.text))) return step.replaceDialog(KNOWLEDGE_DIALOG, { articleId: 'domain.buy' });
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const all = await this.domains.list();
    const domain = named ? all.find((d) => d.name.toLowerCase() === named) : undefined;
    let summary: string;
    let records: DnsRecord[] = [];
    let recordsTitle = '';
    let note = '';
    if (named && !domain) {
      summary = t('domains.notInTenant', { domain: named });
      note = t('domains.howToAdd');
    } else if (domain && !domain.verified) {
      summary = t('domains.notVerified', { domain: domain.name });
      records = await this.domains.verificationRecords(domain.name);
      recordsTitle = t('domains.verificationTitle');
      note = t('domains.verifyWhere');
    } else if (domain) {
      summary = t('domains.verified', { domain: domain.name });
      records = await this.domains.mailRecords(domain.name);
      recordsTitle = t('domains.mailTitle');
      note = t('domains.mailNote');
    } else {
      summary = t('domains.summary', { count: all.length, verified: all.filter((d) => d.verified).length });
      note = t('domains.askForOne');
    }
    const card = this.cards.attachment('domains', {
      title: t('domains.title'),
      summary,
      domains: (domain ? [domain] : all).map((d) => ({ name: d.name, status: this.status(d, locale) })),
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
    await step.context.sendActivity({ attachments: [card] });
    return step.endDialog();
  }

  private status(domain: TenantDomain, locale: 'fr' | 'en'): string {
    const t = (key: string) => this.localizer.t(locale, key);
    const parts = [t(domain.verified ? 'domains.status.verified' : 'domains.status.notVerified')];
    if (domain.isDefault) parts.push(t('domains.status.default'));
    if (domain.initial) parts.push(t('domains.status.initial'));
    return parts.join(', ');
  }
}
