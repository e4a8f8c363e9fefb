import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Person } from '../../bot/features/directory/directory';
import { unlicensedAsked } from '../../bot/nlu/namedRequests';
import type { Recognition } from '../../bot/nlu/recognizer';
import { LicenceServices, LicenceSteps } from './licenceSteps';
import { Clocks } from './clocks';

export const LICENSE_HOLDERS_DIALOG = 'licenseHoldersDialog';
/** The people a card lists; the admin center lists the others. */
const SHOWN = 50;

export interface LicenceHolders {
  holdersOf(skuId: string): Promise<Person[]>;
  withoutLicence(): Promise<Person[]>;
}

/**
 * « qui a une licence E5 ? », "which users are on Business Standard?": the people who hold the plan
 * named (directly or through a group), read from the directory, for the roles that read licences.
 * A plan the organisation has no subscription to is said so. « qui n'a pas de licence ? »: the
 * enabled accounts that hold none.
 */
export class LicenseHoldersDialog extends ComponentDialog {
  private readonly steps: LicenceSteps;
  private readonly clocks = new Clocks();

  constructor(private readonly services: LicenceServices & { directory: LicenceHolders }) {
    super(LICENSE_HOLDERS_DIALOG);
    this.steps = new LicenceSteps(services);
    this.addDialog(new WaterfallDialog('holders', [this.showStep.bind(this)]));
    this.initialDialogId = 'holders';
  }

  private async showStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    await this.steps.authorize(step, 'license.list');
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    if (unlicensedAsked(step.options.text)) {
      const people = await this.services.directory.withoutLicence();
      await step.context.sendActivity({ attachments: [this.card(step, t('license.holders.noneTitle'), t('license.holders.everyone'), people)] });
      return step.endDialog();
    }
    const [plans = []] = this.steps.plansNamed(step.options, await this.services.licenses.inventory());
    if (plans.length === 0) {
      await step.context.sendActivity(t('license.holders.notHeld', { words: this.steps.namedPlanWords(step.options) }));
      return step.endDialog();
    }
    for (const plan of plans) {
      const people = await this.services.directory.holdersOf(plan.skuId);
      const card = this.card(step, t('license.holders.title', { plan: plan.name }), t('license.holders.none', { plan: plan.name }), people);
      await step.context.sendActivity({ attachments: [card] });
    }
    return step.endDialog();
  }

  /** The card listing `people` (the first fifty), with how many there are and when they were read. */
  private card(step: WaterfallStepContext, title: string, emptyText: string, people: Person[]) {
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    const time = this.clocks.now(step.context);
    return this.services.cards.attachment('licenseHolders', {
      title,
      subtitle: t('license.holders.subtitle', { count: people.length, time }),
      emptyText,
      moreText: people.length > SHOWN ? t('license.holders.more', { count: people.length - SHOWN }) : '',
      inventoryTitle: t('license.holders.inventory'),
      people: people
        .slice(0, SHOWN)
        .map((p) => ({ name: p.displayName, upn: p.userPrincipalName, detail: [p.jobTitle, p.department].filter(Boolean).join(', ') })),
    });
  }
}
