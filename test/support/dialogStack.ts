import { TableClient } from '@azure/data-tables';
import { FEATURE_TABLES } from '../../bot/features';
import { CloudAdapter, ConversationState, MemoryStorage } from 'botbuilder';
import { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { ActionClaims } from '../../bot/policy/actionClaims';
import { AuditEntry, AuditLog } from '../../bot/policy/audit';
import type { Incident } from '../../bot/features/incidents/incident';
import type { ResetRequest } from '../../bot/features/helpdesk/resetRequests';
import { RecordTable } from '../../bot/storage/recordTable';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { ConversationLanguage } from '../../bot/turn/conversationLanguage';
import { createGraphClient } from '../../bot/graph/client';
import { GraphApi } from '../../bot/graph/graphApi';
import { Localizer } from '../../bot/presentation/i18n';
import { createDialogs } from '../../bot/host/compositionRoot';
import { Logger } from '../../bot/host/logger';
import { NlpRecognizer } from '../../bot/nlu/nlpRecognizer';
import type { Recognition, Recognizer } from '../../bot/nlu/recognizer';
import { OpenedStorage, openStorage } from '../../bot/storage';
import { TurnSetup } from '../../bot/turn/turnSetup';
import { PrivateMessenger } from '../../bot/host/proactive';
import { ConversationDirectory } from '../../bot/storage/conversationDirectory';

/**
 * The dialogs as the composition root wires them, over real services pointed at a demo tenant,
 * for DialogTestClient. One recognizer is trained per process (50 ms) and shared.
 */
let trained: Promise<NlpRecognizer> | undefined;
export const sharedRecognizer = () => (trained ??= NlpRecognizer.load());

/** One embedded Azurite (in memory) for the dialog tests of this process, closed after them all. */
let storage: Promise<OpenedStorage> | undefined;
export const sharedStorage = () =>
  (storage ??= openStorage(
    { mode: 'embedded', location: '.local/azurite-test', inMemory: true },
    'teststate',
    new Logger('error', {}, () => {}),
    FEATURE_TABLES,
  ));
after(async () => (await storage)?.close());

/**
 * Parts a test may replace: a table (one that fails, to see what the user is told), or what the
 * recognizer makes of some words (a dialog's answer to a recognition the test names, whatever the
 * trained model makes of them this week).
 */
export interface StackTables {
  incidents?: RecordTable<Incident>;
  requests?: RecordTable<ResetRequest>;
  audit?: RecordTable<AuditEntry>;
  recognized?: Record<string, Omit<Recognition, 'text' | 'entities'>>;
}

/** The trained recognizer, except for the words a test says how to read. */
function recognizerFor(trained: Recognizer, recognized: StackTables['recognized'] = {}): Recognizer {
  return {
    recognize: async (text) => (Object.hasOwn(recognized, text) ? { text, entities: [], ...recognized[text] } : trained.recognize(text)),
  };
}

export async function dialogStack(graphBaseUrl: string, timeoutMs = 5000, oauthConnectionName = '', replaced: StackTables = {}) {
  const graph = new GraphApi(createGraphClient({ baseUrl: graphBaseUrl, timeoutMs, maxRetries: 0 }), graphBaseUrl);
  const tables = await sharedStorage();
  const audit = new AuditLog(replaced.audit ?? tables.table('audit'));
  const conversations = new ConversationDirectory(tables.table('conversations'));
  const { mainDialog, resolveUser, resetRequests, incidentDesk, outageWatch, cardActions } = createDialogs({
    graph,
    recognizer: recognizerFor(await sharedRecognizer(), replaced.recognized),
    audit,
    claims: new ActionClaims(tables.table('claims')),
    // A real CloudAdapter (unauthenticated, as locally): it can reach only conversations this process saw.
    messenger: new PrivateMessenger(new CloudAdapter(), '', conversations),
    conversations,
    resetRequestTable: replaced.requests ?? tables.table('requests'),
    incidentTable: replaced.incidents ?? tables.table('incidents'),
    jobTable: tables.table('jobs'),
    instance: 'dialog-tests',
    outage: { windowMinutes: 30, threshold: 3 },
    graphBaseUrl,
    oauthConnectionName,
    tenantName: () => 'Lumière & Fils',
    verifiedDomains: () => ['lumiere-fils.fr', 'lumierefils.onmicrosoft.com'],
    cards: new CardRenderer(),
    localizer: new Localizer(),
    defaultLocale: 'fr',
  });
  const client = (dialog: Dialog = mainDialog, options?: unknown) => {
    const conversationState = new ConversationState(new MemoryStorage());
    return new DialogTestClient(
      'msteams',
      dialog,
      options,
      [new TurnSetup(new Logger('error', {}, () => {}), 'fr'), new ConversationLanguage(conversationState)],
      conversationState,
    );
  };
  return { main: mainDialog, resolveUser: resolveUser(), client, graph, audit, resetRequests, incidentDesk, outageWatch, cardActions, conversations };
}

/** Every reply a turn of the test client produced, in order: the first one and all that followed it. */
export async function repliesOf<R>(client: DialogTestClient, turn: Promise<unknown>): Promise<R[]> {
  const replies = [(await turn) as R | undefined];
  for (let next = client.getNextReply() as R | undefined; next; next = client.getNextReply() as R | undefined) replies.push(next);
  return replies.filter((r): r is R => r !== undefined);
}

/** A table on a storage account that does not answer (nothing listens on its port): every call is a StorageFault. */
export function unreachableTable<T extends object>(name: string): RecordTable<T> {
  const account = 'devstoreaccount1';
  const key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
  const connection = `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${key};TableEndpoint=http://127.0.0.1:9/${account};`;
  return new RecordTable<T>(TableClient.fromConnectionString(connection, name, { allowInsecureConnection: true, retryOptions: { maxRetries: 0 } }));
}
