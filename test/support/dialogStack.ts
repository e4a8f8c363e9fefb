import { DialogTestClient } from 'botbuilder-testing';
import { CAPABILITIES } from '../../bot/capabilities';
import { CardRenderer } from '../../bot/cards';
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
import { TurnSetup } from '../../bot/turn';
import { coverageOf } from '../../dialogs/coverage';
import { FallbackDialog } from '../../dialogs/fallbackDialog';
import { HelpCard } from '../../dialogs/helpCard';
import { RecognizedInterruptions } from '../../dialogs/interruptions';
import { KnowledgeDialog } from '../../dialogs/knowledgeDialog';
import { LicenseInventoryDialog } from '../../dialogs/licenseInventoryDialog';
import { MainDialog } from '../../dialogs/mainDialog';
import { ResolveUserDialog } from '../../dialogs/resolveUserDialog';
import { Dialog } from 'botbuilder-dialogs';

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
  const routed = [{ intent: 'license.list' as const, dialog: new LicenseInventoryDialog(new LicenseService(graph), () => 'Lumière & Fils', cards, localizer) }];
  const helpCard = new HelpCard(CAPABILITIES, new DirectoryRoleService(graph), coverageOf(routed.map((r) => r.intent), knowledge), cards, localizer);
  const interruptions = new RecognizedInterruptions(recognizer, helpCard, localizer);
  const main = new MainDialog(recognizer, helpCard, localizer, new KnowledgeDialog(knowledge, cards, localizer), new FallbackDialog(knowledge, cards, localizer), routed);
  const resolveUser = new ResolveUserDialog(new DirectoryService(graph), new PersonMentions(loadCorpus()), cards, localizer, interruptions);
  const client = (dialog: Dialog = main, options?: unknown) =>
    new DialogTestClient('msteams', dialog, options, [new TurnSetup(new Logger('error', {}, () => {}), 'fr')]);
  return { main, resolveUser, client, graph };
}
