import { ConversationState, MemoryStorage } from 'botbuilder';
import { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { Authorizer } from '../../bot/authorization';
import { CAPABILITIES } from '../../bot/capabilities';
import { CardRenderer } from '../../bot/cards';
import { ConversationLanguage } from '../../bot/conversationLanguage';
import { createGraphClient } from '../../bot/graph/client';
import { DirectoryService } from '../../bot/graph/directory';
import { DirectoryRoleService } from '../../bot/graph/directoryRoles';
import { GraphApi } from '../../bot/graph/graphApi';
import { LicenseService } from '../../bot/graph/licenses';
import { Localizer } from '../../bot/i18n';
import { KnowledgeBase } from '../../bot/knowledge';
import { Logger } from '../../bot/logger';
import { loadCorpus, NlpRecognizer } from '../../bot/nlu/nlpRecognizer';
import { PersonMentions } from '../../bot/nlu/personMentions';
import type { Intent } from '../../bot/recognizer';
import { TurnSetup } from '../../bot/turn';
import { AdminRolesDialog } from '../../dialogs/adminRolesDialog';
import { coverageOf } from '../../dialogs/coverage';
import { FallbackDialog } from '../../dialogs/fallbackDialog';
import { HelpCard } from '../../dialogs/helpCard';
import { RecognizedInterruptions } from '../../dialogs/interruptions';
import { KnowledgeDialog } from '../../dialogs/knowledgeDialog';
import { LicenseInventoryDialog } from '../../dialogs/licenseInventoryDialog';
import { MainDialog } from '../../dialogs/mainDialog';
import { ResolveUserDialog } from '../../dialogs/resolveUserDialog';

/**
 * The dialogs wired as bot/index.ts wires them, over real services pointed at a demo tenant,
 * for DialogTestClient. One recognizer is trained per process (50 ms) and shared.
 */
let trained: Promise<NlpRecognizer> | undefined;
export const sharedRecognizer = () => (trained ??= NlpRecognizer.train());

export async function dialogStack(graphBaseUrl: string) {
  const graph = new GraphApi(createGraphClient({ baseUrl: graphBaseUrl, timeoutMs: 5000, maxRetries: 0 }), graphBaseUrl);
  const cards = new CardRenderer();
  const localizer = new Localizer();
  const knowledge = new KnowledgeBase();
  const recognizer = await sharedRecognizer();
  const roles = new DirectoryRoleService(graph);
  const directory = new DirectoryService(graph);
  const names = new PersonMentions(loadCorpus());
  const tenantName = () => 'Lumière & Fils';
  const routedIntents: Intent[] = ['license.list', 'admin.roles'];
  const helpCard = new HelpCard(CAPABILITIES, roles, coverageOf(routedIntents, knowledge), cards, localizer);
  const interruptions = new RecognizedInterruptions(recognizer, helpCard, localizer);
  const resolveUserDialog = () => new ResolveUserDialog(directory, names, cards, localizer, interruptions);
  const routed: { intent: Intent; dialog: Dialog }[] = [
    { intent: 'license.list', dialog: new LicenseInventoryDialog(new LicenseService(graph), tenantName, cards, localizer) },
    { intent: 'admin.roles', dialog: new AdminRolesDialog(new Authorizer(roles), roles, directory, names, tenantName, cards, localizer, resolveUserDialog(), interruptions) },
  ];
  const main = new MainDialog(recognizer, helpCard, localizer, new KnowledgeDialog(knowledge, cards, localizer), new FallbackDialog(knowledge, cards, localizer), routed);
  const resolveUser = resolveUserDialog();
  const client = (dialog: Dialog = main, options?: unknown) => {
    const conversationState = new ConversationState(new MemoryStorage());
    return new DialogTestClient(
      'msteams',
      dialog,
      options,
      [new TurnSetup(new Logger('error', {}, () => {}), 'fr'), new ConversationLanguage(conversationState)],
      conversationState,
    );
  };
  return { main, resolveUser, client, graph };
}
