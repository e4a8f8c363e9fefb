import { AppError } from '../../policy/errors';
import { toAppError } from '../../graph/errors';
import { BATCH_LIMIT, BatchResponse, GraphApi } from '../../graph/graphApi';

export interface BulkTarget {
  id: string;
  userPrincipalName: string;
}

export interface BulkOutcome {
  user: BulkTarget;
  ok: boolean;
  error?: AppError;
}

export interface BulkProgress {
  done: number;
  total: number;
  succeeded: number;
  failed: number;
}

/**
 * A licence change for many users: assignLicense requests grouped 20 to a JSON batch, a few
 * batches in flight at once, throttled requests retried after their Retry-After. Each user gets
 * their own outcome, so a partial failure never hides who succeeded.
 */
export class BulkLicenseService {
  constructor(
    private readonly graph: GraphApi,
    private readonly concurrency = 4,
  ) {}

  async apply(
    users: BulkTarget[],
    change: { add: string[]; remove: string[] },
    onProgress: (progress: BulkProgress) => void | Promise<void> = () => {},
  ): Promise<BulkOutcome[]> {
    const chunks: BulkTarget[][] = [];
    for (let i = 0; i < users.length; i += BATCH_LIMIT) chunks.push(users.slice(i, i + BATCH_LIMIT));
    const outcomes: BulkOutcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        try {
          outcomes.push(...(await this.applyBatch(chunk, change)));
        } catch (error) {
          const typed = toAppError(error, 'changing licences in bulk');
          outcomes.push(...chunk.map((user) => ({ user, ok: false, error: typed })));
        }
        await onProgress(this.progress(outcomes, users.length));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, chunks.length) }, worker));
    // Back in the order given, so the report reads like the request.
    const position = new Map(users.map((u, i) => [u.id, i]));
    return outcomes.sort((a, b) => position.get(a.user.id)! - position.get(b.user.id)!);
  }

  /**
   * One JSON batch of at most 20 people, each with their outcome. Throws when the batch itself fails:
   * WriteOutcomeUnknown when its answer was lost (some of it may have been carried out).
   */
  async applyBatch(chunk: BulkTarget[], change: { add: string[]; remove: string[] }): Promise<BulkOutcome[]> {
    const body = { addLicenses: change.add.map((skuId) => ({ skuId, disabledPlans: [] })), removeLicenses: change.remove };
    const requests = chunk.map((user, i) => ({ id: String(i), method: 'POST' as const, url: `/users/${user.id}/assignLicense`, body }));
    const answers = await this.graph.batch(requests, 'changing licences in bulk');
    return chunk.map((user, i) => {
      const answer = answers.get(String(i));
      return answer && answer.status >= 200 && answer.status < 300 ? { user, ok: true } : { user, ok: false, error: errorOf(answer, user) };
    });
  }

  private progress(outcomes: BulkOutcome[], total: number): BulkProgress {
    const succeeded = outcomes.filter((o) => o.ok).length;
    return { done: outcomes.length, total, succeeded, failed: outcomes.length - succeeded };
  }
}

/** An answer inside a batch, as the typed error a single call would have raised. */
function errorOf(answer: BatchResponse | undefined, user: BulkTarget): AppError {
  const status = answer?.status ?? 0;
  const message = answer?.body?.error?.message ?? 'no answer';
  return toAppError(Object.assign(new Error(message), { statusCode: status }), `changing the licences of ${user.userPrincipalName}`);
}
