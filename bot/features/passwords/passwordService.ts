import { GraphApi } from '../../graph/graphApi';
import type { WriteReceipt } from '../licences/licenses';

export class PasswordService {
  constructor(private readonly graph: GraphApi) {}

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
