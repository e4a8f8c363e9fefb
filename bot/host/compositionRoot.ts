import { ClientSecretCredential, ManagedIdentityCredential, TokenCredential } from '@azure/identity';
import { MemoryStorage, PrivateConversationState } from 'botbuilder';
import { coverageOf } from '../../dialogs/core/coverage';
import { FallbackDialog } from '../../dialogs/core/fallbackDialog';
import { HelpCard } from '../../dialogs/core/helpCard';
import { RecognizedInterruptions } from '../../dialogs/core/interruptions';
import { KnowledgeDialog } from '../../dialogs/core/knowledgeDialog';
import { MainDialog } from '../../dialogs/core/mainDialog';
import { ResolveUserDialog } from '../../dialogs/core/resolveUserDialog';
import { ActionClaims } from '../policy/actionClaims';
import { ResetRequest, ResetRequests } from '../features/helpdesk/resetRequests';
import { HelpdeskChannel } from '../features/helpdesk/helpdeskChannel';
import { HelpdeskCards } from '../../dialogs/helpdesk/helpdeskCards';
import { IncidentCards } from '../../dialogs/incidents/incidentCards';
import { IncidentDesk, OutageSettings } from '../features/incidents/incidentDesk';
import type { Incident } from '../features/incidents/incident';
import { OutageWatch } from '../features/incidents/outageWatch';
import type { Feature } from '../features/feature';
import { RecordTable } from '../storage/recordTable';
import { PrivateMessenger } from './proactive';
import { createAdapter } from './adapter';
import { AuditLog } from '../policy/audit';
import { Authorizer } from '../policy/authorization';
import { AssistantBot } from './assistantBot';
import { CAPABILITIES, cardAnswerRules, FEATURE_TABLES, FEATURES } from '../features';
import { FEATURE_DIALOGS } from '../../dialogs/features';
import { type DialogServices, type Route, sayingFailures } from '../../dialogs/core/routes';
import { CardRenderer } from '../presentation/cardRenderer';
import { ConversationLanguage } from '../turn/conversationLanguage';
import { Config } from './config';
import { createGraphClient } from '../graph/client';
import { AdminRoleService } from '../features/admins/adminRoles';
import { BulkLicenseService } from '../features/licences/bulkLicenses';
import { BulkJobs, type JobRow } from '../features/licences/bulkJobs';
import { BulkJobCards } from '../../dialogs/licences/bulkJobCards';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DirectoryService } from '../features/directory/directory';
import { DirectoryRoleService } from '../features/directory/directoryRoles';
import { GraphApi } from '../graph/graphApi';
import { LicenseService } from '../features/licences/licenses';
import { MyAccountService } from '../features/passwords/myAccount';
import { PasswordService } from '../features/passwords/passwordService';
import { ServiceHealthService } from '../features/serviceHealth/serviceHealth';
import { DomainService } from '../features/domains/domains';
import { OrganizationService, TenantInfo } from '../features/directory/organization';
import { Locale, Localizer } from '../presentation/i18n';
import { KnowledgeBase } from '../nlu/knowledge';
import { Logger } from './logger';
import { loadCorpus, NlpRecognizer } from '../nlu/nlpRecognizer';
import { PersonMentions } from '../nlu/personMentions';
import { SupervisedService } from './process/supervisor';
import { RememberingRecognizer, type Recognizer } from '../nlu/recognizer';
import { Readiness } from './readiness';
import { LegalPages } from './legalPages';
import { graphRoute, startTelemetry } from './telemetry';
import { projectPath } from './paths';
import { createServer } from './server';
import { ConversationDirectory } from '../storage/conversationDirectory';
import { openStorage } from '../storage';
import { TeamsGuard, TenantPolicy } from '../turn/teamsGuard';
import { TurnSetup } from '../turn/turnSetup';

export interface RunningBot {
  port: number;
  graphBaseUrl: string;
  storageConnectionString: string;
  tenant: TenantInfo;
  /** The child processes the bot started and supervises (the embedded Azurite, the demo tenant), by name. */
  childProcesses(): Record<string, number | undefined>;
  close(): Promise<void>;
}

/**
 * Starts the demo tenant as a separate process (the bot only ever speaks HTTP to it), supervised:
 * restarted on the same port if it dies.
 */
async function startDemoTenant(port: number, logger: Logger): Promise<{ url: string; service: SupervisedService }> {
  const service = await SupervisedService.start({
    name: 'Demo tenant',
    logger,
    startOptions: (first) => ({
      script: projectPath('dist', 'demo', 'main.js'),
      env: { DEMO_GRAPH_PORT: first ? new URL(first[0][1]).port : String(port) },
      readyLine: /listening at (http:\/\/\S+)/,
    }),
  });
  return { url: service.matches[0][1], service };
}

function graphCredential(config: Config): TokenCredential | undefined {
  const graph = config.graph;
  if (graph.mode !== 'tenant') return undefined;
  return graph.clientSecret
    ? new ClientSecretCredential(graph.tenantId, graph.clientId, graph.clientSecret)
    : new ManagedIdentityCredential({ clientId: graph.clientId });
}

export interface DialogDependencies {
  graph: GraphApi;
  recognizer: Recognizer;
  audit: AuditLog;
  claims: ActionClaims;
  messenger: PrivateMessenger;
  conversations: ConversationDirectory;
  resetRequestTable: RecordTable<ResetRequest>;
  incidentTable: RecordTable<Incident>;
  /** Bulk licence jobs, kept from before their first call to their report. */
  jobTable: RecordTable<JobRow>;
  /** This instance's name in the leases of the jobs it runs. */
  instance: string;
  /** When several incidents on one service make a possible-outage warning. */
  outage: OutageSettings;
  /** For /me calls made with the user's own token (the app's Graph client would swap it for the app's). */
  graphBaseUrl: string;
  /** Teams SSO connection name; empty: password changes are explained, not done in chat. */
  oauthConnectionName: string;
  tenantName: () => string;
  verifiedDomains: () => string[];
  cards: CardRenderer;
  localizer: Localizer;
  /** DEFAULT_LOCALE: the language when nothing else tells. */
  defaultLocale: Locale;
}

/**
 * The domain services over Graph and storage, then every feature's dialogs (the list in
 * bot/features/index.ts, in its order), wired once: startBot and the dialog tests use this.
 */
export function createDialogs(deps: DialogDependencies) {
  const { graph, recognizer, audit, claims, messenger, conversations, cards, localizer } = deps;
  const knowledge = new KnowledgeBase();
  const roles = new DirectoryRoleService(graph);
  const directory = new DirectoryService(graph);
  const authorizer = new Authorizer(roles, CAPABILITIES);
  const names = new PersonMentions(loadCorpus());
  const passwords = new PasswordService(graph);
  const helpdeskCards = new HelpdeskCards(messenger, cards, localizer);
  const helpdesk = new HelpdeskChannel(conversations, (designator) => helpdeskCards.tellChannelBroken(designator), deps.defaultLocale);
  const resetRequests = new ResetRequests({
    table: deps.resetRequestTable,
    conversations,
    directory,
    roles,
    passwords,
    audit,
    claims,
    messages: helpdeskCards,
    helpdesk,
  });
  const incidentCards = new IncidentCards(messenger, conversations, cards, localizer);
  const serviceHealth = new ServiceHealthService(graph);
  const licenses = new LicenseService(graph);
  const bulkCards = new BulkJobCards(messenger, cards, localizer);
  const bulkJobs = new BulkJobs(deps.jobTable, new BulkLicenseService(graph), (id) => licenses.skusOf(id), audit, bulkCards, {
    instance: deps.instance,
    leaseMs: JOB_LEASE_MS,
  });
  const incidentDesk = new IncidentDesk({
    table: deps.incidentTable,
    conversations,
    directory,
    roles,
    audit,
    messages: incidentCards,
    helpdesk,
    outage: deps.outage,
  });
  // The help card says what is done from the routes; the interruptions show it; both come before the dialogs.
  let routes: Route[] = [];
  const helpCard = new HelpCard(
    CAPABILITIES,
    roles,
    coverageOf(() => routes.map((r) => r.intent), knowledge),
    cards,
    localizer,
  );
  const interruptions = new RecognizedInterruptions(recognizer, helpCard, localizer, names);
  const services: DialogServices = {
    authorizer,
    audit,
    claims,
    cards,
    localizer,
    interruptions,
    names,
    knowledge,
    resolveUser: () => new ResolveUserDialog(directory, names, cards, localizer, interruptions),
    directory,
    roles,
    messenger,
    conversations,
    licenses,
    bulkJobs,
    bulkCards,
    passwords,
    myAccount: new MyAccountService(deps.graphBaseUrl),
    adminRoles: new AdminRoleService(graph),
    resetRequests,
    helpdeskCards,
    incidentDesk,
    incidentCards,
    serviceHealth,
    domains: new DomainService(graph),
    tenantName: deps.tenantName,
    verifiedDomains: deps.verifiedDomains,
    oauthConnectionName: deps.oauthConnectionName,
  };
  const features = FEATURES.map((feature) => ({ feature: feature as Feature, ...FEATURE_DIALOGS[feature.name](services) }));
  routes = features.flatMap((c) => c.routes);
  const cardActions = new Map(
    features.flatMap((c) => Object.entries(c.cardActions ?? {}).map(([verb, handler]) => [verb, sayingFailures(handler, cards, localizer)] as const)),
  );
  for (const { feature } of features) {
    for (const verb of Object.keys(feature.cardVerbs ?? {}))
      if (!cardActions.has(verb)) throw new Error(`The ${feature.name} feature declares the card verb ${verb} but no handler for it`);
  }
  const mainDialog = new MainDialog(
    recognizer,
    helpCard,
    localizer,
    cards,
    new KnowledgeDialog(knowledge, cards, localizer),
    new FallbackDialog(knowledge, cards, localizer),
    claims,
    routes,
  );
  return {
    mainDialog,
    resolveUser: services.resolveUser,
    resetRequests,
    incidentDesk,
    outageWatch: new OutageWatch(incidentDesk, serviceHealth),
    bulkJobs,
    cardActions,
  };
}

/** How long the turns in progress get to end when the bot is stopped. */
const SHUTDOWN_GRACE_MS = 20_000;
/** How long a bulk job's lease holds without renewal: past it, another instance takes the job over. */
const JOB_LEASE_MS = 60_000;
/** How often unfinished bulk jobs are looked for. */
const JOB_RESUME_SECONDS = 30;
/** How often audit outcomes that storage did not take are written again. */
const AUDIT_FLUSH_SECONDS = 5;

/**
 * The composition root: configuration, Graph, storage, services, dialogs, bot, adapter and server,
 * created once here and handed to each other through constructors.
 */
export async function startBot(config: Config, logger: Logger): Promise<RunningBot> {
  const closers: (() => Promise<void>)[] = [];
  /** What a stop asks first of work in progress (a bulk job ends its batch and is saved for the next instance). */
  const stopping: (() => Promise<void>)[] = [];
  const { http, attach } = createServer(logger, new LegalPages(new Localizer()));
  /**
   * A graceful stop (SIGTERM, as App Service sends at every restart): no new activity (503,
   * /readyz first), work in progress asked to stop at its next safe point, the turns in progress
   * given SHUTDOWN_GRACE_MS to end, then the rest closed in the reverse order it was opened.
   */
  const close = async () => {
    const ended = Promise.all([http.drain(), ...stopping.map((stop) => stop())]).then(() => true);
    const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS).unref());
    if (!(await Promise.race([ended, late]))) logger.warn('turns still in progress at shutdown', { graceMs: SHUTDOWN_GRACE_MS });
    for (const closer of closers.reverse()) await closer().catch((error) => logger.error('shutdown step failed', { error }));
  };
  /** Work repeated in the background while the bot runs (one round at a time), stopped when it closes. */
  const every = (seconds: number, work: () => Promise<unknown>, what: string) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      void work()
        .catch((error: unknown) => logger.warn(`${what} failed`, { error }))
        .finally(() => (running = false));
    }, seconds * 1000);
    timer.unref();
    closers.push(async () => clearInterval(timer));
  };
  try {
    const port = await http.listen(config.port, config.host);
    closers.push(() => http.close());
    logger.info('listening', { url: `http://${config.host}:${port}/api/messages` });
    if (config.unauthenticated) {
      logger.warn('MicrosoftAppId is not set: activities are accepted WITHOUT authentication. Use this only with local clients.');
    }

    let graphBaseUrl: string;
    let demo: Awaited<ReturnType<typeof startDemoTenant>> | undefined;
    if (config.graph.mode === 'demo') {
      demo = await startDemoTenant(config.graph.demoPort, logger);
      const started = demo;
      closers.push(() => started.service.stop());
      graphBaseUrl = demo.url;
      logger.info('demo tenant started', { url: demo.url });
    } else {
      graphBaseUrl = config.graph.baseUrl;
    }
    const telemetry = await startTelemetry(config.telemetryConnectionString, logger);
    closers.push(() => telemetry.close());
    const graph = new GraphApi(
      createGraphClient({
        baseUrl: graphBaseUrl,
        credential: graphCredential(config),
        timeoutMs: config.graphTimeoutMs,
        maxRetries: config.graphMaxRetries,
        observe: (attempt) =>
          telemetry.graphCall({ method: attempt.method, route: graphRoute(attempt.url), status: attempt.status, durationMs: attempt.durationMs }),
      }),
      graphBaseUrl,
    );
    const tenant = await new OrganizationService(graph).describe();
    if (config.graph.mode === 'tenant' && tenant.id.toLowerCase() !== config.graph.tenantId.toLowerCase()) {
      throw new Error(`GRAPH_TENANT_ID is ${config.graph.tenantId} but Graph answers for tenant ${tenant.id}`);
    }
    logger.info('tenant', { id: tenant.id, name: tenant.displayName });

    const storage = await openStorage(config.storage, config.stateContainer, logger, FEATURE_TABLES);
    closers.push(() => storage.close());
    // One state document per member of each conversation: their dialogs in progress and their language.
    // One read a turn (and a write when it changed), checked by ETag.
    const memberState = new PrivateConversationState(config.stateStore === 'memory' ? new MemoryStorage() : storage.state);
    if (config.stateStore === 'memory') logger.warn('STATE_STORE=memory: dialogs in progress live in this process only (one instance, lost at restart)');
    const states = [memberState];

    const localizer = new Localizer();
    const cards = new CardRenderer();

    const { adapter, endpoint } = createAdapter(config.bot, states, localizer, logger);
    const conversations = new ConversationDirectory(storage.table('conversations'));
    const audit = new AuditLog(storage.table('audit'));
    // Outcomes storage did not take are written as soon as it does, and once more before it closes.
    every(AUDIT_FLUSH_SECONDS, () => audit.flush(), 'writing the audit backlog');
    closers.push(async () => {
      const left = await audit.flush();
      if (left > 0) logger.error('audit outcomes not written at shutdown: their intents stay in the log', { count: left });
    });
    const { mainDialog, resetRequests, incidentDesk, outageWatch, bulkJobs, cardActions } = createDialogs({
      graph,
      recognizer: new RememberingRecognizer(await NlpRecognizer.load()),
      audit,
      claims: new ActionClaims(storage.table('claims')),
      messenger: new PrivateMessenger(adapter, config.bot.appId, conversations),
      conversations,
      resetRequestTable: storage.table('requests'),
      incidentTable: storage.table('incidents'),
      jobTable: storage.table('jobs'),
      instance: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      outage: config.outage,
      graphBaseUrl,
      oauthConnectionName: config.oauthConnectionName,
      tenantName: () => tenant.displayName,
      verifiedDomains: () => tenant.domains,
      cards,
      localizer,
      defaultLocale: config.defaultLocale,
    });

    // Requests and incidents the helpdesk channel refused are posted again until it takes them.
    every(
      config.helpdeskRetrySeconds,
      async () => {
        await resetRequests.deliverPending();
        await incidentDesk.deliverPending();
      },
      'helpdesk delivery retry',
    );
    // Bulk jobs left unfinished by an instance that stopped or died are taken over and reported; a stopping bot leaves its own for the next.
    every(JOB_RESUME_SECONDS, () => bulkJobs.resumeAll(), 'resuming bulk jobs');
    void bulkJobs.resumeAll().catch((error: unknown) => logger.warn('resuming bulk jobs failed', { error }));
    stopping.push(() => bulkJobs.stop());
    // Microsoft's issues linked to open incidents are read again; their requesters hear of each update.
    every(config.incidentPollSeconds, () => outageWatch.poll(), 'following service issues');

    const bot = new AssistantBot(states, memberState, mainDialog, conversations, cards, localizer, logger, cardActions, cardAnswerRules(), telemetry);

    const policy: TenantPolicy = { tenantId: tenant.id, allowMissingTenant: config.unauthenticated };
    adapter.use(new TurnSetup(logger, config.defaultLocale));
    adapter.use(new TeamsGuard(() => policy, logger));
    adapter.use(new ConversationLanguage(memberState));
    attach(endpoint, (context) => bot.run(context));
    const organization = new OrganizationService(graph);
    http.setReadiness(
      new Readiness(
        {
          storage: () => storage.probe(),
          graph: async () => {
            if (demo && !demo.service.up) throw new Error('the demo tenant is restarting');
            await organization.describe();
          },
        },
        () => ({ audit: audit.backlog() }),
      ),
    );
    http.setReady(true);
    logger.info('ready', { port, graph: graphBaseUrl, storage: config.storage.mode });
    const childProcesses = () => ({ azurite: storage.azuritePid(), demoTenant: demo?.service.pid });
    return { port, graphBaseUrl, storageConnectionString: storage.connectionString, tenant, childProcesses, close };
  } catch (error) {
    await close();
    throw error;
  }
}
