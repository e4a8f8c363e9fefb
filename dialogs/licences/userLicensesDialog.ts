import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Person } from '../../bot/features/directory/directory';
import type { Recognition } from '../../bot/nlu/recognizer';
import { ownLicenceLackSaid, ownLicencesAsked } from '../../bot/nlu/namedRequests';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { namesTheCaller, PeopleDirectory, RESOLVE_USER_DIALOG, ResolveUserDialog } from '../core/resolveUserDialog';
import { LicenceServices, LicenceSteps } from './licenceSteps';
import { LICENSE_INVENTORY_DIALOG, LicenseInventoryDialog } from './licenseInventoryDialog';

export const USER_LICENSES_DIALOG = 'userLicensesDialog';

/** A licence question that may name someone: an address, words that are no words of a request (« Julie Roux »), or the asker's own (« mes licences »). */
export function mayNameSomeone(recognition: Recognition, names: { in(text: string): string[] }): boolean {
  return recognition.entities.some((e) => e.type === 'email') || names.in(recognition.text).length > 0 || ownLicencesAsked(recognition.text);
}

/**
 * « quelles licences a Julie Roux ? », "what license does Paul Fontaine have?": the plans a person
 * holds, each with the group it comes from if it does. Words that find nobody were no name (« how
 * many licences are we sitting on »): the tenant's inventory, as the question asked.
 */
export class UserLicensesDialog extends CancelAndHelpDialog {
  private readonly steps: LicenceSteps;

  constructor(
    private readonly services: LicenceServices & { directory: PeopleDirectory },
    resolveUser: ResolveUserDialog,
    inventory: LicenseInventoryDialog,
  ) {
    super(USER_LICENSES_DIALOG, services.interruptions);
    this.steps = new LicenceSteps(services);
    this.addDialog(resolveUser);
    this.addDialog(inventory);
    this.addDialog(new WaterfallDialog('userLicenses', [this.whoStep.bind(this), this.showStep.bind(this)]));
    this.initialDialogId = 'userLicenses';
  }

  private async whoStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const target = this.steps.whoFrom(step.options);
    // « quelles sont mes licences ? »: anyone may read their own plans; someone else's need a role that reads licences.
    const caller = step.context.activity.from?.aadObjectId;
    const own = !target.email && (ownLicencesAsked(step.options.text) || ((target.words ?? []).length === 0 && namesTheCaller(step.options.text)));
    if (own && caller) return step.next(await this.services.directory.person(caller));
    await this.steps.authorize(step, 'license.list');
    if (target.email) return step.beginDialog(RESOLVE_USER_DIALOG, target);
    const found = await this.services.directory.findPeople(target.words ?? []);
    if (found.people.length === 0) return step.replaceDialog(LICENSE_INVENTORY_DIALOG, step.options);
    return step.beginDialog(RESOLVE_USER_DIALOG, { ...target, found });
  }

  private async showStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const person = step.result as Person | undefined;
    if (!person) return step.endDialog();
    const { licenses } = await this.services.licenses.licensesOf(person.id);
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    // One's own plans are said to them (« Vous avez… »).
    const of = person.id === step.context.activity.from?.aadObjectId ? 'license.yours' : 'license.of';
    if (licenses.length === 0) {
      await step.context.sendActivity(t(`${of}.none`, { name: person.displayName }));
      return step.endDialog();
    }
    const held = licenses.map((h) => (h.viaGroup ? t('license.of.viaGroup', { plan: h.plan.name, group: h.viaGroup.displayName }) : h.plan.name));
    // « Teams me dit que je n'ai pas de licence », and they have one: what to do when an app disagrees.
    const lacking = of === 'license.yours' && ownLicenceLackSaid(step.options.text);
    await step.context.sendActivity(
      t(lacking ? 'license.yours.someButLacking' : `${of}.some`, { name: person.displayName, count: held.length, licenses: held.join(', ') }),
    );
    return step.endDialog();
  }
}
