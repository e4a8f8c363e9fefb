import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { AuditLog } from '../../policy/audit';
import { AppError, InvalidRequest, WriteOutcomeUnknown } from '../../policy/errors';
import type { Locale } from '../../presentation/i18n';
import type { RecordTable } from '../../storage/recordTable';
import { BATCH_LIMIT } from '../../graph/graphApi';
import type { BulkLicenseService, BulkOutcome, BulkTarget } from './bulkLicenses';

/** A licence change for many people, kept in Table Storage from before its first call to its report. */
export interface BulkJob {
  id: string;
  operation: 'license.assign' | 'license.remove';
  caller: { id: string; name: string };
  correlationId: string;
  locale: Locale;
  plan: { skuId: string; skuPartNumber: string; name: string };
  /** What the people were named by (« le service Juridique », a list of addresses). */
  source: string;
  total: number;
  batches: number;
  /** The progress card, updated as batches complete (whichever instance runs them). */
  card?: { conversation: Partial<ConversationReference>; activityId: string };
  state: 'running' | 'finished';
  /** The instance running it, until when: another instance takes an unfinished job over once this has passed. */
  lease?: { by: string; until: string };
  reported?: boolean;
  createdAt: string;
}

/** One target's outcome as stored: enough to tell the user why, after a restart. */
interface StoredOutcome {
  ok: boolean;
  /** The typed error's locale key, its params and message. */
  error?: { key: string; params: Record<string, string | number>; message: string; requestId?: string };
}

/** A batch of at most 20 people: pending, sent (its outcome not recorded yet), or done with each outcome. */
interface JobBatch {
  targets: BulkTarget[];
  state: 'pending' | 'sent' | 'done';
  outcomes?: StoredOutcome[];
}

/** What the jobs table holds: a job, its batches, and the list of jobs not reported yet. */
export type JobRow = BulkJob | JobBatch | { id: string };

/** The asker and the progress card, as Teams shows them: worded and carded by the dialogs (dialogs/licences/bulkJobCards.ts). */
export interface BulkJobMessages {
  /** The progress card replaced with `done` of `job.total`. */
  progress(job: BulkJob, done: number): Promise<void>;
  /** The final report: on the progress card, and in the asker's 1:1 chat when the job was finished after a restart. */
  report(job: BulkJob, outcomes: BulkOutcome[], resumed: boolean): Promise<void>;
}

export interface BulkJobSettings {
  /** Who this instance is, in leases. */
  instance: string;
  /** How long a lease holds without being renewed (each batch renews it). */
  leaseMs: number;
  now?: () => Date;
}

const OPEN = 'open';
const MAX_TIME = 9_999_999_999_999;
const byCaller = (callerId: string) => `by-${callerId}`;
/** Batches sent at once (each up to 20 requests). */
const IN_FLIGHT = 4;
const batchRow = (i: number) => `batch-${String(i).padStart(5, '0')}`;

/**
 * Bulk licence jobs that survive the bot: stored whole (who asked, what, each target) before the
 * first Graph call; each batch marked sent before it goes and its outcomes recorded and audited as
 * it completes; a batch found sent but not recorded (the bot died meanwhile) is read back target by
 * target. An unfinished job is taken over by whichever instance claims its lease (ETag) once it has
 * lapsed, and its report reaches the asker's chat. On a graceful stop, the job stops between
 * batches and gives its lease back, so that the next instance carries on at once.
 */
export class BulkJobs {
  private readonly now: () => Date;
  private stopping = false;
  /** The jobs running in this process, by id: a job is never run twice here at once. */
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(
    private readonly table: RecordTable<JobRow>,
    private readonly bulk: BulkLicenseService,
    private readonly skusOf: (userId: string) => Promise<string[]>,
    private readonly audit: AuditLog,
    private readonly messages: BulkJobMessages,
    private readonly settings: BulkJobSettings,
  ) {
    this.now = settings.now ?? (() => new Date());
  }

  /** Stores the job and its batches, before anything is sent. A StorageFault means nothing was stored to run. */
  async create(spec: Omit<BulkJob, 'id' | 'total' | 'batches' | 'state' | 'createdAt'>, targets: BulkTarget[]): Promise<BulkJob> {
    const id = randomUUID();
    const batches = Math.ceil(targets.length / BATCH_LIMIT);
    const job: BulkJob = { ...spec, id, total: targets.length, batches, state: 'running', createdAt: this.now().toISOString() };
    for (let i = 0; i < batches; i++) {
      const batch: JobBatch = { targets: targets.slice(i * BATCH_LIMIT, (i + 1) * BATCH_LIMIT), state: 'pending' };
      await this.table.put(id, batchRow(i), batch);
    }
    await this.table.put(id, 'job', job);
    await this.table.put(OPEN, id, { id });
    // The asker's jobs, newest first (row keys sort as text).
    await this.table.put(byCaller(spec.caller.id), `${String(MAX_TIME - this.now().getTime()).padStart(13, '0')}-${id}`, { id });
    return job;
  }

  /** The asker's latest job, if any. */
  async latestOf(callerId: string): Promise<BulkJob | undefined> {
    const [latest] = (await this.table.list(byCaller(callerId), 1)) as { id: string }[];
    return latest ? ((await this.table.get(latest.id, 'job')) as BulkJob | undefined) : undefined;
  }

  /** Every outcome recorded so far, in the order given (people of batches not done yet are left out). */
  async outcomes(job: BulkJob): Promise<BulkOutcome[]> {
    const batches = await Promise.all(Array.from({ length: job.batches }, (_, i) => this.table.get(job.id, batchRow(i)) as Promise<JobBatch | undefined>));
    return outcomesOf(batches.filter((batch): batch is JobBatch => batch?.state === 'done'));
  }

  /** Where the progress card is, for whoever updates it later. */
  async attachCard(job: BulkJob, card: NonNullable<BulkJob['card']>): Promise<void> {
    job.card = card;
    await this.table.update(job.id, 'job', (current) => ({ ...(current as BulkJob), card }));
  }

  /**
   * Runs the job here (in the asker's turn), `progress` told after each batch; every outcome in the
   * order given. Undefined when another instance holds it, or this one is stopping (it resumes later).
   */
  async run(job: BulkJob, progress: (done: number) => Promise<void>): Promise<BulkOutcome[] | undefined> {
    if (this.running.has(job.id)) return undefined;
    const work = this.work(job.id, progress);
    this.running.set(job.id, work);
    try {
      return await work;
    } finally {
      this.running.delete(job.id);
    }
  }

  /**
   * Takes over the unfinished jobs whose lease has lapsed (an instance died or stopped), and reports
   * each to its asker; a job finished but never reported (the bot stopped in between) is reported.
   */
  async resumeAll(): Promise<number> {
    if (this.stopping) return 0;
    let resumed = 0;
    for (const { id: jobId } of (await this.table.list(OPEN, 1000)) as { id: string }[]) {
      const job = (await this.table.get(jobId, 'job')) as BulkJob | undefined;
      if (!job || this.running.has(jobId)) continue;
      if (job.state === 'finished' && job.reported) {
        await this.table.remove(OPEN, jobId);
        continue;
      }
      const outcomes =
        job.state === 'finished' ? await this.outcomes(job) : await this.run(job, (done) => this.messages.progress(job, done).catch(() => undefined));
      if (outcomes) {
        await this.finish(job, outcomes, true);
        resumed++;
      }
    }
    return resumed;
  }

  /** Records that the asker got the report: the job is closed. */
  async reported(job: BulkJob): Promise<void> {
    await this.table.update(job.id, 'job', (current) => ({ ...(current as BulkJob), reported: true }));
    await this.table.remove(OPEN, job.id);
  }

  /** Stops between batches: the jobs running here give their lease back and wait, stored, for the next instance. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  private async finish(job: BulkJob, outcomes: BulkOutcome[], resumed: boolean): Promise<void> {
    await this.messages.report(job, outcomes, resumed);
    await this.reported(job);
  }

  private async work(jobId: string, progress: (done: number) => Promise<void>): Promise<BulkOutcome[] | undefined> {
    const job = await this.claim(jobId);
    if (!job) return undefined;
    const batches: JobBatch[] = [];
    let done = 0;
    // A few batches in flight at once; between rounds, a stopping instance gives the job back.
    for (let first = 0; first < job.batches; first += IN_FLIGHT) {
      if (this.stopping) {
        await this.release(jobId);
        return undefined;
      }
      const round = Array.from({ length: Math.min(IN_FLIGHT, job.batches - first) }, (_, k) => first + k);
      await Promise.all(
        round.map(async (i) => {
          const batch = (await this.table.get(jobId, batchRow(i))) as JobBatch;
          if (batch.state !== 'done') {
            batch.outcomes = await this.carryOut(job, i, batch);
            batch.state = 'done';
            await this.table.put(jobId, batchRow(i), batch);
            await this.auditBatch(job, batch);
          }
          batches[i] = batch;
          done += batch.targets.length;
          // Each batch done holds the lease a while longer: a round slowed by throttling never lets it lapse.
          await this.renew(jobId);
          await progress(done);
        }),
      );
    }
    await this.table.update(jobId, 'job', (current) => ({ ...(current as BulkJob), state: 'finished', lease: undefined }));
    const outcomes = outcomesOf(batches);
    // The job's own entry, which follows its intent: each person's outcome has its entry already.
    const failed = outcomes.filter((o) => !o.ok).length;
    await this.audit.settle({
      correlationId: job.correlationId,
      caller: job.caller,
      operation: job.operation,
      target: job.source,
      parameters: { sku: job.plan.skuPartNumber, bulk: true, people: job.total, failed },
      outcome: failed === 0 ? 'succeeded' : 'failed',
      ...(failed > 0 ? { error: `${failed} of ${job.total} not done` } : {}),
    });
    return outcomes;
  }

  /**
   * One batch: marked sent, then sent. When its answer is lost, or it was found sent before a
   * restart, each target is read back: those done are done, those plainly not done are sent once
   * more, and the rest are said unknown.
   */
  private async carryOut(job: BulkJob, index: number, batch: JobBatch): Promise<StoredOutcome[]> {
    if (batch.state !== 'sent') {
      await this.table.put(job.id, batchRow(index), { ...batch, state: 'sent' });
      try {
        return (await this.bulk.applyBatch(batch.targets, this.change(job))).map(stored);
      } catch (error) {
        // Refused, or never sent: each target failed with that reason, nothing was changed.
        if (error instanceof AppError && !(error instanceof WriteOutcomeUnknown)) return batch.targets.map((user) => stored({ user, ok: false, error }));
        if (!(error instanceof WriteOutcomeUnknown)) throw error;
        await error.settled();
      }
    }
    const found = await Promise.all(batch.targets.map((target) => this.isDone(job, target)));
    const again = batch.targets.filter((_, i) => found[i] === false);
    const resent = again.length > 0 ? await this.bulk.applyBatch(again, this.change(job)).catch(() => undefined) : [];
    return batch.targets.map((target, i) => {
      if (found[i]) return { ok: true };
      const sent = resent?.find((o) => o.user.id === target.id);
      return sent ? stored(sent) : stored({ user: target, ok: false, error: new WriteOutcomeUnknown(`the answer for ${target.userPrincipalName} was lost`) });
    });
  }

  private change(job: BulkJob): { add: string[]; remove: string[] } {
    return job.operation === 'license.assign' ? { add: [job.plan.skuId], remove: [] } : { add: [], remove: [job.plan.skuId] };
  }

  /** Whether the target holds the plan (assign) or no longer does (remove), read now; undefined when it cannot be read. */
  private isDone(job: BulkJob, target: BulkTarget): Promise<boolean | undefined> {
    return this.skusOf(target.id).then(
      (skus) => skus.includes(job.plan.skuId) === (job.operation === 'license.assign'),
      () => undefined,
    );
  }

  /** One audit entry a person, as each is a write of its own; outcomes storage does not take wait in the audit's backlog. */
  private async auditBatch(job: BulkJob, batch: JobBatch): Promise<void> {
    await Promise.all(
      batch.targets.map((target, i) => {
        const outcome = batch.outcomes![i];
        return this.audit.settle({
          correlationId: job.correlationId,
          caller: job.caller,
          operation: job.operation,
          target: target.userPrincipalName,
          parameters: { sku: job.plan.skuPartNumber, bulk: true },
          outcome: outcome.ok ? 'succeeded' : outcome.error?.key === 'error.outcomeUnknown' ? 'unknown' : 'failed',
          ...(outcome.error ? { error: outcome.error.message, graphRequestId: outcome.error.requestId } : {}),
        });
      }),
    );
  }

  /** The job, once this instance holds its lease (written over the version read): undefined when another holds it. */
  private async claim(jobId: string): Promise<BulkJob | undefined> {
    let mine = false;
    const job = await this.table.update(jobId, 'job', (current) => {
      const job = current as BulkJob;
      mine = false;
      if (job.state === 'finished' || this.stopping) return undefined;
      // A lease still held, by any instance, this one included: its job runs (this.running keeps a job to one run here).
      if (job.lease && job.lease.until > this.now().toISOString()) return undefined;
      mine = true;
      return { ...job, lease: this.lease() };
    });
    return mine ? (job as BulkJob) : undefined;
  }

  private renew(jobId: string): Promise<unknown> {
    return this.table.update(jobId, 'job', (current) => ({ ...(current as BulkJob), lease: this.lease() }));
  }

  private release(jobId: string): Promise<unknown> {
    return this.table.update(jobId, 'job', (current) => ({ ...(current as BulkJob), lease: undefined }));
  }

  private lease(): BulkJob['lease'] {
    return { by: this.settings.instance, until: new Date(this.now().getTime() + this.settings.leaseMs).toISOString() };
  }
}

function stored(outcome: BulkOutcome): StoredOutcome {
  if (outcome.ok || !outcome.error) return { ok: true };
  const { messageKey: key, params, message, requestId } = outcome.error;
  return { ok: false, error: { key, params, message, requestId } };
}

/** Every person of these batches, done, with their outcome, in the order given. */
function outcomesOf(batches: JobBatch[]): BulkOutcome[] {
  return batches.flatMap((batch) => batch.targets.map((user, t) => outcomeOf(user, batch.outcomes![t])));
}

/** A stored outcome as the report reads it: the error it was, by its locale key. */
function outcomeOf(user: BulkTarget, outcome: StoredOutcome): BulkOutcome {
  if (outcome.ok || !outcome.error) return { user, ok: true };
  const { key, params, message, requestId } = outcome.error;
  const error: AppError =
    key === 'error.invalidRequest'
      ? new InvalidRequest(message, params, requestId)
      : Object.assign(new RecordedError(message, params, requestId), { messageKey: key });
  return { user, ok: false, error };
}

/** A typed error read back from storage: its locale key and params, as when it was raised. */
class RecordedError extends AppError {
  messageKey = 'error.unexpected';
}
