import { GraphApi } from '../../graph/graphApi';
import { WriteOutcomeUnknown } from '../../policy/errors';
import type { WriteReceipt } from '../licences/licenses';
import { temporaryPassword } from './temporaryPassword';

export class PasswordService {
  constructor(private readonly graph: GraphApi) {}

  /**
   * When the user's password was last set (Graph's lastPasswordChangeDateTime, which a reset by an
   * administrator moves too): a reset whose answer was lost is read back by comparing it.
   */
  async lastChanged(userId: string): Promise<string | undefined> {
    const user = await this.graph.get<{ lastPasswordChangeDateTime?: string | null }>(
      `/users/${encodeURIComponent(userId)}?$select=id,lastPasswordChangeDateTime`,
      'reading when the password was last changed',
    );
    return user.lastPasswordChangeDateTime ?? undefined;
  }

  /**
   * Whether the password was set since `before` (lastChanged read before a reset): true proves the
   * reset happened; false, or a read that fails, proves nothing either way.
   */
  changedSince(userId: string, before: string | undefined): Promise<boolean> {
    return this.lastChanged(userId).then(
      (at) => at !== before,
      () => false,
    );
  }

  /**
   * A reset whose outcome is always known. When Graph's answer is lost (`lost` is told, for the
   * audit), the date the password was last set is read back; unless it moved, the reset is done
   * again with a fresh password (`redone`). The password returned is the account's.
   */
  async resetKnowingOutcome(
    userId: string,
    lost: (error: WriteOutcomeUnknown) => Promise<unknown>,
  ): Promise<{ password: string; receipt: WriteReceipt; redone: boolean }> {
    const before = await this.lastChanged(userId);
    const password = temporaryPassword();
    try {
      return { password, receipt: await this.resetTo(userId, password), redone: false };
    } catch (error) {
      if (!(error instanceof WriteOutcomeUnknown)) throw error;
      await lost(error);
      await error.settled();
      if (await this.changedSince(userId, before)) return { password, receipt: { requestId: error.requestId ?? '' }, redone: false };
      const again = temporaryPassword();
      return { password: again, receipt: await this.resetTo(userId, again), redone: true };
    }
  }

  /** Sets a temporary password the user must change at next sign-in. The password goes to Graph only. */
  async resetTo(userId: string, password: string): Promise<WriteReceipt> {
    const { requestId } = await this.graph.send(
      'PATCH',
      `/users/${encodeURIComponent(userId)}`,
      { passwordProfile: { password, forceChangePasswordNextSignIn: true } },
      'resetting the password',
    );
    return { requestId };
  }
}
