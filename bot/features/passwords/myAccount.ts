import { CurrentPasswordWrong } from '../../policy/errors';
import { toAppError } from '../../graph/errors';

/**
 * What a user does to their own account with a delegated token (Teams SSO / OAuth connection):
 * /me/changePassword, which only a delegated token may call. The token goes in the request as it
 * is (the app's own client would replace it with the app's token).
 */
export class MyAccountService {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 15000,
  ) {}

  async changePassword(userToken: string, currentPassword: string, newPassword: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/$/, '')}/v1.0/me/changePassword`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${userToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ currentPassword, newPassword }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw toAppError(error, 'changing your password');
    }
    if (response.ok) return;
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    const message = body.error?.message ?? `HTTP ${response.status}`;
    if (response.status === 403) throw new CurrentPasswordWrong(message);
    throw toAppError(Object.assign(new Error(message), { statusCode: response.status }), 'changing your password');
  }
}
