import { Activity, TurnContext } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { userMessageFor } from '../../bot/presentation/errorMessages';
import { BulkLicenseService, BulkOutcome } from '../../bot/features/licences/bulkLicenses';
import type { DirectoryService, Person } from '../../bot/features/directory/directory';
import type { LicensePlan } from '../../bot/features/licences/licenses';
import { fold } from '../../bot/nlu/entities';
import type { Recognition } from '../../bot/nlu/recognizer';
import { callerOf, correlationIdOf, localeOf } from '../../bot/turn/turnSetup';
import { CancelAndHelpDialog } from '../core/cancelAndHelpDialog';
import { LicenceServices, LicenceSteps, planFrom } from './licenceSteps';

export const BULK_LICENSE_DIALOG = 'bulkLicenseDialog';
const GROUP_WORD = /\b(groupe|equipe|team|group)\b/;
/** « le service Ventes », "the Sales department", "everyone in Finance", « tout le monde en Finance ». */
const DEPARTMENT_WORD =
  /\b(service|departement|department|(?:everyone|everybody|all users|all staff) (?:in|at|from)|all of|tout le monde (?:du|de la|de l'|en|au|a la|a l')|tous les (?:utilisateurs|salaries|gens|collaborateurs|membres) (?:du|de la|de l'|en|au|a la|a l'))(?=\s|$)/;

/** A licence request about several people: two e-mail addresses or more, or a group. */
export function isBulk(recognition: Recognition): boolean {
  const text = fold(recognition.text);
  return recognition.entities.filter((e) => e.type === 'email').length >= 2 || GROUP_WORD.test(text) || DEPARTMENT_WORD.test(text);
}

/** Where the name of a group ends when more follows it (« everyone in Finance a Business Basic license »). */
const NAME_ENDS = new Set(['a', 'an', 'un', 'une', 'with', 'avec', 'licence', 'licences', 'license', 'licenses', 'plan', 'seat', 'department', 'departement']);

/** The words naming the group: after « équipe » / « groupe », or between "to"/"for" and "team" / "group". */
export function groupWords(text: string, keyword = GROUP_WORD): string[] {
  const folded = fold(text);
  const match = keyword.exec(folded);
  if (!match) return [];
  const words = (s: string) =>
    s
      .split(/[^\p{L}\p{N}-]+/u)
      .filter((w) => w.length >= 3 && !['des', 'les', 'the', 'pour', 'for', 'stp', 'svp', 'please', 'service', 'departement', 'department'].includes(w));
  const following = folded.slice(match.index + match[0].length).split(/[^\p{L}\p{N}-]+/u);
  const end = following.findIndex((w, i) => i > 0 && NAME_ENDS.has(w));
  const after = words((end === -1 ? following : following.slice(0, end)).join(' '));
  if (after.length > 0) return after.slice(0, 3);
  const before = folded.slice(0, match.index).split(/\s+/);
  const preposition = Math.max(
    ...['to', 'for', 'from', 'in', 'a', 'au', 'aux', 'pour', 'de', 'du', 'the', 'le', 'la', 'les'].map((p) => before.lastIndexOf(p)),
  );
  return words(before.slice(preposition + 1).join(' ')).slice(-3);
}

interface BulkState {
  operation?: 'license.assign' | 'license.remove';
  people?: Person[];
  source?: string;
  inventory?: LicensePlan[];
  plan?: LicensePlan;
}

export interface BulkServices extends LicenceServices {
  bulk: BulkLicenseService;
  directory: DirectoryService;
}

/**
 * « affecte Business Basic à a@…, b@… et c@… », « retire E3 à l'équipe commerciale »: one plan for many
 * people, confirmed once, run as JSON batches; one card shows the progress and then the report of
 * who succeeded and who failed, with the reason.
 */
export class BulkLicenseDialog extends CancelAndHelpDialog {
  private readonly steps: LicenceSteps;

  constructor(private readonly services: BulkServices) {
    super(BULK_LICENSE_DIALOG, services.interruptions);
    this.steps = new LicenceSteps(services);
    this.addDialog(this.steps.planPrompt());
    this.addDialog(this.steps.confirmPrompt());
    this.addDialog(new WaterfallDialog('bulk', [this.whoStep.bind(this), this.planStep.bind(this), this.confirmStep.bind(this), this.runStep.bind(this)]));
    this.initialDialogId = 'bulk';
  }

  private async whoStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as BulkState;
    state.operation = step.options.intent === 'license.remove' ? 'license.remove' : 'license.assign';
    await this.steps.authorize(step, state.operation);
    const emails = step.options.entities.filter((e) => e.type === 'email').map((e) => e.value);
    let people: Person[] = [];
    if (emails.length >= 2) {
      const found = await Promise.all(emails.map((email) => this.services.directory.person(email).catch(() => undefined)));
      people = found.filter((p): p is Person => p !== undefined);
      const unknown = emails.filter((_, i) => !found[i]);
      if (unknown.length > 0) await step.context.sendActivity(this.steps.t(step.context, 'bulk.unknown', { who: unknown.join(', ') }));
      state.source = emails.join(', ');
    } else if (DEPARTMENT_WORD.test(fold(step.options.text)) && !GROUP_WORD.test(fold(step.options.text))) {
      const name = groupWords(step.options.text, DEPARTMENT_WORD).join(' ');
      people = name ? await this.services.directory.department(name) : [];
      state.source = name;
    } else {
      const words = groupWords(step.options.text);
      const group = await this.services.directory.group(words);
      // « l'équipe Direction » may be a department rather than a group: the people of that department, then.
      const department = group || words.length === 0 ? [] : await this.services.directory.department(words.join(' '));
      if (!group && department.length === 0) {
        await step.context.sendActivity(this.steps.t(step.context, 'bulk.groupNotFound', { words: words.join(' ') }));
        return step.endDialog();
      }
      people = group ? await this.services.directory.members(group) : department;
      state.source = group ? group.displayName : (department[0].department ?? words.join(' '));
    }
    if (people.length === 0) {
      await step.context.sendActivity(this.steps.t(step.context, 'bulk.noTargets'));
      return step.endDialog();
    }
    state.people = people;
    state.inventory = await this.services.licenses.inventory();
    const named = this.steps.plansNamed(step.options, state.inventory).find((n) => n.length === 1);
    if (named) return step.next(named[0]);
    return this.steps.askPlan(step, this.steps.t(step.context, 'bulk.askPlan', { count: people.length }), state.inventory);
  }

  private async planStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as BulkState;
    const plan = planFrom(step, state.inventory!);
    if (!plan) return step.endDialog();
    const count = state.people!.length;
    if (state.operation === 'license.assign' && plan.free < count) {
      await step.context.sendActivity(this.steps.t(step.context, 'bulk.notEnough', { free: plan.free, plan: plan.name, count }));
      return step.endDialog();
    }
    state.plan = plan;
    return step.next();
  }

  private async confirmStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as BulkState;
    const t = (key: string, params = {}) => this.steps.t(step.context, key, params);
    const people = state.people!;
    const shown =
      people
        .slice(0, 10)
        .map((p) => p.displayName)
        .join(', ') + (people.length > 10 ? ` (+${people.length - 10})` : '');
    return this.steps.askToConfirm(step, {
      operation: state.operation!,
      title: t(state.operation === 'license.assign' ? 'confirm.title.bulkAssign' : 'confirm.title.bulkRemove', {
        plan: state.plan!.name,
        count: people.length,
      }),
      facts: [
        { title: t('fact.source'), value: state.source! },
        { title: t('fact.people'), value: shown },
        { title: t('fact.plan'), value: state.plan!.name },
      ],
    });
  }

  private async runStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as BulkState;
    const notNow = await this.steps.confirmedOnce(step, state.operation!, this.steps.requireRole(step, state.operation!));
    if (notNow) return notNow;
    const plan = state.plan!;
    const people = state.people!;
    const posted = await step.context.sendActivity({ attachments: [this.report(step.context, state, [], 0)] });
    const outcomes = await this.services.bulk.apply(
      people,
      state.operation === 'license.assign' ? { add: [plan.skuId], remove: [] } : { add: [], remove: [plan.skuId] },
      async (progress) => {
        // One card in the conversation, updated: Teams limits how many messages a bot may post.
        await this.update(step.context, posted?.id, this.report(step.context, state, [], progress.done)).catch(() => {});
      },
    );
    await this.auditAll(step.context, state, outcomes);
    const report = this.report(step.context, state, outcomes);
    if (
      !(await this.update(step.context, posted?.id, report).then(
        () => true,
        () => false,
      ))
    )
      await step.context.sendActivity({ attachments: [report] });
    return step.endDialog(outcomes);
  }

  /** The progress card while `done` is given, the final report once it is not. */
  private report(context: TurnContext, state: BulkState, outcomes: BulkOutcome[], done?: number) {
    const t = (key: string, params = {}) => this.steps.t(context, key, params);
    const failures = outcomes.filter((o) => !o.ok);
    const succeeded = outcomes.filter((o) => o.ok);
    return this.services.cards.attachment('bulkReport', {
      title: t(state.operation === 'license.assign' ? 'bulk.title.assign' : 'bulk.title.remove', { plan: state.plan!.name }),
      summary:
        done === undefined
          ? t('bulk.report', { succeeded: succeeded.length, failed: failures.length, total: state.people!.length })
          : t('bulk.progress', { done, total: state.people!.length }),
      failed: failures.length,
      failedTitle: t('bulk.failedTitle'),
      failures: failures.map((f) => ({
        user: f.user.userPrincipalName,
        reason: userMessageFor(f.error, localeOf(context), this.services.localizer, correlationIdOf(context)).replace(
          /\s*(Référence pour le support|Reference for support).*$/,
          '',
        ),
      })),
      succeededTitle: t('bulk.succeededTitle'),
      succeededList: succeeded.map((o) => o.user.userPrincipalName).join(', '),
    });
  }

  private async update(context: TurnContext, id: string | undefined, attachment: ReturnType<BulkLicenseDialog['report']>): Promise<void> {
    if (!id) throw new Error('no activity to update');
    await context.updateActivity({ id, type: 'message', attachments: [attachment] } as Partial<Activity>);
  }

  /** One audit entry a user, as each is a write of its own. */
  private async auditAll(context: TurnContext, state: BulkState, outcomes: BulkOutcome[]): Promise<void> {
    for (let i = 0; i < outcomes.length; i += 20) {
      await Promise.all(
        outcomes.slice(i, i + 20).map((o) =>
          this.services.audit.record({
            correlationId: correlationIdOf(context),
            caller: callerOf(context),
            operation: state.operation!,
            target: o.user.userPrincipalName,
            parameters: { sku: state.plan!.skuPartNumber, bulk: true },
            outcome: o.ok ? 'succeeded' : 'failed',
            ...(o.error ? { error: o.error.message, graphRequestId: o.error.requestId } : {}),
          }),
        ),
      );
    }
  }
}
