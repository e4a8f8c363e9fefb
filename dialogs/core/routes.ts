import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { CardInvoke } from '../../bot/policy/cardData';
import { AppError } from '../../bot/policy/errors';
import { userMessageFor } from '../../bot/presentation/errorMessages';
import { correlationIdOf, localeOf } from '../../bot/turn/turnSetup';
import type { HelpdeskCards } from '../helpdesk/helpdeskCards';
import type { DirectoryService } from '../../bot/features/directory/directory';
import type { DirectoryRoleService } from '../../bot/features/directory/directoryRoles';
import type { ResetRequests } from '../../bot/features/helpdesk/resetRequests';
import type { IncidentDesk } from '../../bot/features/incidents/incidentDesk';
import type { IncidentCards } from '../incidents/incidentCards';
import type { ServiceHealthService } from '../../bot/features/serviceHealth/serviceHealth';
import type { DomainService } from '../../bot/features/domains/domains';
import type { AdminRoleService } from '../../bot/features/admins/adminRoles';
import type { BulkJobs } from '../../bot/features/licences/bulkJobs';
import type { BulkJobCards } from '../licences/bulkJobCards';
import type { LicenseService } from '../../bot/features/licences/licenses';
import type { MyAccountService } from '../../bot/features/passwords/myAccount';
import type { PasswordService } from '../../bot/features/passwords/passwordService';
import type { PrivateMessenger } from '../../bot/host/proactive';
import type { KnowledgeBase } from '../../bot/nlu/knowledge';
import type { PersonMentions } from '../../bot/nlu/personMentions';
import type { Recognition } from '../../bot/nlu/recognizer';
import type { ActionClaims } from '../../bot/policy/actionClaims';
import type { AuditLog } from '../../bot/policy/audit';
import type { Authorizer } from '../../bot/policy/authorization';
import type { Operation } from '../../bot/policy/capabilities';
import type { CardRenderer } from '../../bot/presentation/cardRenderer';
import type { Localizer } from '../../bot/presentation/i18n';
import type { ConversationDirectory } from '../../bot/storage/conversationDirectory';
import type { Interruptions } from './cancelAndHelpDialog';
import type { ResolveUserDialog } from './resolveUserDialog';

/**
 * A dialog the main dialog routes an operation to; the first route whose `when` accepts the request
 * (or has none) takes it. When the operation has routes and none accepts, the request is not
 * understood (the fallback offers the likeliest ones).
 */
export interface Route {
  intent: Operation;
  dialog: Dialog;
  when?: (recognition: Recognition) => boolean;
}

/** Everything a feature's dialogs may be built with: the domain services and the shared steps, made once by the composition root. */
export interface DialogServices {
  authorizer: Authorizer;
  audit: AuditLog;
  claims: ActionClaims;
  cards: CardRenderer;
  localizer: Localizer;
  interruptions: Interruptions;
  names: PersonMentions;
  knowledge: KnowledgeBase;
  /** A new person-lookup step (each dialog owns its own). */
  resolveUser(): ResolveUserDialog;
  directory: DirectoryService;
  roles: DirectoryRoleService;
  messenger: PrivateMessenger;
  conversations: ConversationDirectory;
  licenses: LicenseService;
  bulkJobs: BulkJobs;
  bulkCards: BulkJobCards;
  passwords: PasswordService;
  myAccount: MyAccountService;
  adminRoles: AdminRoleService;
  resetRequests: ResetRequests;
  serviceHealth: ServiceHealthService;
  domains: DomainService;
  /** The helpdesk in Teams (the ResetRequests service speaks through it). */
  helpdeskCards: HelpdeskCards;
  incidentDesk: IncidentDesk;
  /** Incidents in Teams (the IncidentDesk service speaks through it). */
  incidentCards: IncidentCards;
  tenantName(): string;
  verifiedDomains(): string[];
  /** Teams SSO connection name; empty: password changes are explained, not done in chat. */
  oauthConnectionName: string;
}

/** Answers a card's Action.Execute (its verb's data already validated) with the card to show the clicker. */
export type CardActionHandler = (context: TurnContext, invoke: CardInvoke) => Promise<AdaptiveCardInvokeResponse>;

/** The answer to an Action.Execute: the card the clicker sees in place of the one clicked. */
export function cardResponse(card: unknown): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as Record<string, unknown> };
}

/**
 * A card verb's handler whose typed failures (storage unavailable, Graph down…) become a card
 * saying so in the clicker's language, instead of a failed invoke: what failed changed nothing.
 */
export function sayingFailures(handler: CardActionHandler, cards: CardRenderer, localizer: Localizer): CardActionHandler {
  return async (context, invoke) => {
    try {
      return await handler(context, invoke);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return cardResponse(cards.bind('notice', { text: userMessageFor(error, localeOf(context), localizer, correlationIdOf(context)) }));
    }
  };
}

/** What a feature brings to the conversation: its dialogs and the operations they answer, and the card verbs it handles. */
export interface FeatureConversation {
  routes: Route[];
  /** One handler for each verb the feature declares in its feature.ts. */
  cardActions?: Record<string, CardActionHandler>;
}

export type FeatureDialogs = (services: DialogServices) => FeatureConversation;
