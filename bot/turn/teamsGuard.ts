import { ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import { ForeignTenant, MessageTooLong } from '../policy/errors';
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
 * The most a Teams post holds: « approximately 28 KB per post » (Teams limits and specifications,
 * MicrosoftDocs/OfficeDocs-SkypeForBusiness, Teams/limits-specifications-teams.md, "Chats").
 * A longer text was not typed in Teams, and no understanding is spent on it.
 */
export const MESSAGE_LIMIT_BYTES = 28 * 1024;

/**
 * How much of a message is read: a request fits in a few sentences (an incident's description
 * holds as much), and what follows a long one is a pasted log or a signature. Reading no more keeps
 * every rule that reads words within a millisecond or two, whatever is posted.
 */
export const READ_CHARS = 2_000;

/**
 * Teams specifics every turn needs: a message from another tenant, or longer than Teams allows, is
 * refused before anything runs; the bot's own @mention is removed from a channel message so that
 * « @Assistant licences » reads « licences »; only the beginning of a long message is read.
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
      const bytes = Buffer.byteLength(context.activity.text, 'utf8');
      if (bytes > MESSAGE_LIMIT_BYTES) {
        loggerOf(context, this.logger).warn('message longer than Teams allows refused', { bytes });
        throw new MessageTooLong(`A message of ${bytes} bytes`);
      }
      TurnContext.removeRecipientMention(context.activity);
      context.activity.text = beginningOf(context.activity.text.trim());
    }
    await next();
  }
}

/** A 1:1 chat between the bot and one user: the only place a password may be shown. */
export function isPersonalChat(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}

/** The first READ_CHARS characters of a text, cut at a space when there is one near the end. */
export function beginningOf(text: string): string {
  if (text.length <= READ_CHARS) return text;
  const cut = text.slice(0, READ_CHARS);
  const space = cut.lastIndexOf(' ');
  return space > READ_CHARS - 100 ? cut.slice(0, space) : cut;
}
