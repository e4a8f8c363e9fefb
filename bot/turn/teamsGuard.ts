import { ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import { ForeignTenant } from '../policy/errors';
import { Logger } from '../host/logger';
import { loggerOf } from './turnSetup';

export interface TenantPolicy {
  /** The tenant the bot administers. */
  tenantId: string;
  /** Local, unauthenticated clients (the Emulator) send no tenant: accept them only then. */
  allowMissingTenant: boolean;
}

/** The caller's tenant as Teams sends it. */
export function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
}

/**
 * Teams specifics every turn needs: a message from another tenant is refused before anything runs,
 * and the bot's own @mention is removed from a channel message so that « @Assistant licences » reads « licences ».
 */
export class TeamsGuard implements Middleware {
  constructor(
    private readonly policy: () => TenantPolicy,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { tenantId, allowMissingTenant } = this.policy();
    const callerTenant = tenantOf(context);
    const accepted = callerTenant ? callerTenant.toLowerCase() === tenantId.toLowerCase() : allowMissingTenant;
    if (!accepted) {
      loggerOf(context, this.logger).warn('activity from a foreign tenant refused', { callerTenant: callerTenant ?? null });
      throw new ForeignTenant(`Tenant ${callerTenant ?? '(none)'} is not ${tenantId}`);
    }
    if (context.activity.type === ActivityTypes.Message && typeof context.activity.text === 'string') {
      TurnContext.removeRecipientMention(context.activity);
      context.activity.text = context.activity.text.trim();
    }
    await next();
  }
}

/** A 1:1 chat between the bot and one user: the only place a password may be shown. */
export function isPersonalChat(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}
