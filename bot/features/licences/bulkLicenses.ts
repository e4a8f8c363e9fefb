import { AppError } from '../../policy/errors';
import { toAppError } from '../../graph/errors';
import { BatchResponse, GraphApi } from '../../graph/graphApi';

export interface BulkTarget {
  id: string;
  userPrincipalName: string;
}

export interface BulkOutcome {
  user: BulkTarget;
  ok: boolean;
  error?: AppError;
}

/**
 * A licence change for many users, one JSON batch of assignLicense requests at a time (20 to a
 * batch; throttled requests retried after their Retry-After). Each user gets their own outcome, so
 * a partial failure never hides who succeeded. Jobs of any size are run, stored and resumed by
 * BulkJobs (bulkJobs.ts), a few batches in flight.
 */
export class BulkLicenseService {
  constructor(private readonly graph: GraphApi) {}

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
}

/** An answer inside a batch, as the typed error a single call would have raised. */
function errorOf(answer: BatchResponse | undefined, user: BulkTarget): AppError {
  const status = answer?.status ?? 0;
  const message = answer?.body?.error?.message ?? 'no answer';
  return toAppError(Object.assign(new Error(message), { statusCode: status }), `changing the licences of ${user.userPrincipalName}`);
}
