import { Activity, Attachment, TurnContext } from 'botbuilder';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { BulkJobs } from '../../bot/features/licences/bulkJobs';
import type { BulkJobCards } from './bulkJobCards';
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
  bulkJobs: BulkJobs;
  bulkCards: BulkJobCards;
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

  /**
   * Confirmed: the job is stored (who, what, each person) before its first call, its intent in the
   * audit log, then run here batch by batch, each batch recorded and audited as it completes. If
   * this instance stops meanwhile, the job waits stored and is finished by the next one, which
   * reports to the asker's private chat.
   */
  private async runStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const state = step.values as BulkState;
    const { context } = step;
    const plan = state.plan!;
    const job = {
      operation: state.operation!,
      caller: callerOf(context),
      correlationId: correlationIdOf(context),
      locale: localeOf(context),
      plan: { skuId: plan.skuId, skuPartNumber: plan.skuPartNumber, name: plan.name },
      source: state.source!,
    };
    const intent = {
      correlationId: job.correlationId,
      caller: job.caller,
      operation: job.operation,
      target: job.source,
      parameters: { sku: plan.skuPartNumber, bulk: true, people: state.people!.length },
    };
    const notNow = await this.steps.confirmedOnce(step, state.operation!, this.steps.requireRole(step, state.operation!), intent);
    if (notNow) return notNow;
    const stored = await this.services.bulkJobs.create(
      job,
      state.people!.map((p) => ({ id: p.id, userPrincipalName: p.userPrincipalName })),
    );
    const posted = await context.sendActivity({ attachments: [this.services.bulkCards.card(stored, [], 0)] });
    if (posted?.id)
      await this.services.bulkJobs.attachCard(stored, { conversation: TurnContext.getConversationReference(context.activity), activityId: posted.id });
    // One card in the conversation, updated: Teams limits how many messages a bot may post.
    const outcomes = await this.services.bulkJobs.run(stored, (done) =>
      this.update(context, posted?.id, this.services.bulkCards.card(stored, [], done)).catch(() => {}),
    );
    if (!outcomes) {
      await context.sendActivity(this.steps.t(context, 'bulk.continuesLater'));
      return step.endDialog();
    }
    const report = this.services.bulkCards.card(stored, outcomes);
    if (
      !(await this.update(context, posted?.id, report).then(
        () => true,
        () => false,
      ))
    )
      await context.sendActivity({ attachments: [report] });
    await this.services.bulkJobs.reported(stored);
    return step.endDialog(outcomes);
  }

  private async update(context: TurnContext, id: string | undefined, attachment: Attachment): Promise<void> {
    if (!id) throw new Error('no activity to update');
    await context.updateActivity({ id, type: 'message', attachments: [attachment] } as Partial<Activity>);
  }
}
