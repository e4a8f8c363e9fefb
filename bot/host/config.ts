/**
 * Configuration: every environment variable the bot reads is read here, validated once,
 * and turned into a typed object. Nothing else in the code base touches process.env.
 */

import { existsSync } from 'node:fs';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface BotIdentity {
  appType: AppType;
  appId: string;
  appPassword: string;
  appTenantId: string;
  /** Where the Bot Framework publishes its signing keys (empty: the SDK's public-cloud defaults). For sovereign clouds, and tests. */
  channelOpenIdMetadataUrl: string;
  emulatorOpenIdMetadataUrl: string;
}

export type GraphSettings =
  | { mode: 'demo'; demoPort: number; baseUrl?: string }
  | { mode: 'external'; baseUrl: string }
  | {
      mode: 'tenant';
      tenantId: string;
      clientId: string;
      clientSecret?: string; // absent: managed identity
      baseUrl: string;
    };

export type StorageSettings =
  | { mode: 'azure'; connectionString: string }
  /** An Azure Storage account reached with a managed identity: no key, no secret (Azure). */
  | { mode: 'identity'; accountName: string; clientId?: string }
  | { mode: 'embedded'; location: string; inMemory: boolean };

export interface Config {
  port: number;
  host: string;
  nodeEnv: string;
  logLevel: LogLevel;
  defaultLocale: 'fr' | 'en';
  bot: BotIdentity;
  /** True when no MicrosoftAppId is set: local clients only, no JWT check. */
  unauthenticated: boolean;
  graph: GraphSettings;
  graphTimeoutMs: number;
  graphMaxRetries: number;
  storage: StorageSettings;
  stateContainer: string;
  /** STATE_STORE: 'storage' (Blob Storage, shared by every instance) or 'memory' (this process only, lost at restart: one instance, for trials and benchmarks). */
  stateStore: 'storage' | 'memory';
  /** The Azure Bot OAuth connection for Teams SSO (delegated Graph token); empty: no in-chat password change. */
  oauthConnectionName: string;
  /** APPLICATIONINSIGHTS_CONNECTION_STRING: with it, traces and metrics go to Application Insights; without, nothing leaves the machine. */
  telemetryConnectionString: string;
  /** How often requests the helpdesk channel refused are posted again. */
  helpdeskRetrySeconds: number;
  /** How often the Microsoft service issues linked to open incidents are read again. */
  incidentPollSeconds: number;
  /** Incidents on one service within this window, this many of them, while Microsoft reports nothing: a possible-outage warning. */
  outage: { windowMinutes: number; threshold: number };
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

type Env = Record<string, string | undefined>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function text(env: Env, name: string): string {
  return (env[name] ?? '').trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === '') return fallback;
  const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!match) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return match;
}

function guid(env: Env, name: string): string {
  const raw = text(env, name);
  if (raw !== '' && !GUID.test(raw)) throw new ConfigError(name, `must be a GUID, got "${raw}"`);
  return raw;
}

function url(env: Env, name: string): string {
  const raw = text(env, name);
  if (raw === '') return '';
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function readBotIdentity(env: Env): BotIdentity {
  const appType = oneOf(env, 'MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const, 'MultiTenant');
  const appId = guid(env, 'MicrosoftAppId');
  const appPassword = text(env, 'MicrosoftAppPassword');
  const appTenantId = guid(env, 'MicrosoftAppTenantId');
  if (appId !== '') {
    if (appType !== 'UserAssignedMSI' && appPassword === '') {
      throw new ConfigError('MicrosoftAppPassword', `is required when MicrosoftAppId is set and MicrosoftAppType is ${appType}`);
    }
    if (appType !== 'MultiTenant' && appTenantId === '') {
      throw new ConfigError('MicrosoftAppTenantId', `is required when MicrosoftAppType is ${appType}`);
    }
  } else if (appPassword !== '') {
    throw new ConfigError('MicrosoftAppId', 'is required when MicrosoftAppPassword is set');
  }
  return {
    appType,
    appId,
    appPassword,
    appTenantId,
    channelOpenIdMetadataUrl: url(env, 'ToBotFromChannelOpenIdMetadataUrl'),
    emulatorOpenIdMetadataUrl: url(env, 'ToBotFromEmulatorOpenIdMetadataUrl'),
  };
}

function readGraph(env: Env): GraphSettings {
  const tenantId = guid(env, 'GRAPH_TENANT_ID');
  const clientId = guid(env, 'GRAPH_CLIENT_ID');
  const clientSecret = text(env, 'GRAPH_CLIENT_SECRET');
  const baseUrl = url(env, 'GRAPH_BASE_URL');
  const demoPort = integer(env, 'DEMO_GRAPH_PORT', 3979, 0, 65535);
  if (tenantId !== '') {
    if (clientId === '') {
      throw new ConfigError('GRAPH_CLIENT_ID', "is required when GRAPH_TENANT_ID is set (the app registration, or the managed identity's client id)");
    }
    return { mode: 'tenant', tenantId, clientId, clientSecret: clientSecret || undefined, baseUrl: baseUrl || 'https://graph.microsoft.com' };
  }
  if (clientId !== '' || clientSecret !== '') {
    throw new ConfigError('GRAPH_TENANT_ID', 'is required when GRAPH_CLIENT_ID or GRAPH_CLIENT_SECRET is set');
  }
  if (baseUrl !== '') return { mode: 'external', baseUrl };
  return { mode: 'demo', demoPort };
}

function readStorage(env: Env, nodeEnv: string): StorageSettings {
  const connectionString = text(env, 'STORAGE_CONNECTION_STRING');
  if (connectionString !== '') {
    if (!/AccountName=|UseDevelopmentStorage=true|BlobEndpoint=/i.test(connectionString)) {
      throw new ConfigError('STORAGE_CONNECTION_STRING', 'is not an Azure Storage connection string (expected AccountName=… or BlobEndpoint=…)');
    }
    return { mode: 'azure', connectionString };
  }
  const accountName = text(env, 'STORAGE_ACCOUNT_NAME');
  if (accountName !== '') {
    if (!/^[a-z0-9]{3,24}$/.test(accountName))
      throw new ConfigError('STORAGE_ACCOUNT_NAME', `must be a storage account name (3 to 24 lower-case letters and digits), got "${accountName}"`);
    return { mode: 'identity', accountName, clientId: guid(env, 'STORAGE_CLIENT_ID') || undefined };
  }
  return {
    mode: 'embedded',
    location: text(env, 'AZURITE_LOCATION') || '.local/azurite',
    inMemory: nodeEnv === 'test',
  };
}

export function readConfig(env: Env): Config {
  const nodeEnv = text(env, 'NODE_ENV') || 'development';
  const bot = readBotIdentity(env);
  return {
    port: integer(env, 'PORT', 3978, 0, 65535),
    host: text(env, 'HOST') || '127.0.0.1',
    nodeEnv,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    defaultLocale: oneOf(env, 'DEFAULT_LOCALE', ['fr', 'en'] as const, 'fr'),
    bot,
    unauthenticated: bot.appId === '',
    graph: readGraph(env),
    graphTimeoutMs: integer(env, 'GRAPH_TIMEOUT_MS', 15000, 100, 300000),
    graphMaxRetries: integer(env, 'GRAPH_MAX_RETRIES', 3, 0, 10),
    storage: readStorage(env, nodeEnv),
    stateContainer: text(env, 'STATE_CONTAINER') || 'botstate',
    stateStore: oneOf(env, 'STATE_STORE', ['storage', 'memory'], 'storage'),
    oauthConnectionName: text(env, 'OAUTH_CONNECTION_NAME'),
    telemetryConnectionString: text(env, 'APPLICATIONINSIGHTS_CONNECTION_STRING'),
    helpdeskRetrySeconds: integer(env, 'HELPDESK_RETRY_SECONDS', 60, 1, 3600),
    incidentPollSeconds: integer(env, 'INCIDENT_POLL_SECONDS', 300, 1, 86400),
    outage: { windowMinutes: integer(env, 'OUTAGE_WINDOW_MINUTES', 30, 1, 1440), threshold: integer(env, 'OUTAGE_THRESHOLD', 3, 2, 100) },
  };
}

/** Where the settings came from: the variables a `.env` gave, or that one was present and left unread (in production). */
export interface SettingsSource {
  fromEnvFile: string[];
  envFileIgnored: boolean;
}

/** The process's configuration: `.env` (outside production, when present) under the real environment, which wins. */
export function loadConfig(): Config & { source: SettingsSource } {
  const { env, source } = readEnvironment(process.env);
  return { ...readConfig(env), source };
}

/** In production (NODE_ENV=production, or in App Service) the settings are the platform's alone: no file is read. */
function inProduction(env: Env): boolean {
  return env.NODE_ENV === 'production' || Boolean(env.WEBSITE_INSTANCE_ID);
}

/**
 * The environment, with `.env` (when present, outside production) under it, and which variables
 * that file gave: the one place process.env is read.
 */
export function readEnvironment(env: Env, file = '.env'): { env: Env; source: SettingsSource } {
  if (inProduction(env)) return { env, source: { fromEnvFile: [], envFileIgnored: existsSync(file) } };
  const before = new Set(Object.keys(env));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parsed = (require('dotenv') as typeof import('dotenv')).config({ path: file, quiet: true, processEnv: env as Record<string, string> }).parsed ?? {};
  return { env, source: { fromEnvFile: Object.keys(parsed).filter((name) => !before.has(name)), envFileIgnored: false } };
}

function environment(): Env {
  return readEnvironment(process.env).env;
}

/** `npm start`'s own settings, besides the bot's (which the bot reads itself). */
export interface LauncherSettings {
  chatAs: 'admin' | 'user';
  botPort: number;
  playgroundPort: number;
  /** Where the bot's embedded Azurite keeps its data; empty: the bot's default. */
  azuriteLocation: string;
}

export function loadLauncherSettings(env: Env = environment()): LauncherSettings {
  return {
    chatAs: oneOf(env, 'DEMO_CHAT_USER', ['admin', 'user'] as const, 'admin'),
    botPort: integer(env, 'PORT', 3978, 1, 65535),
    playgroundPort: integer(env, 'PLAYGROUND_PORT', 56150, 1, 65535),
    azuriteLocation: text(env, 'AZURITE_LOCATION'),
  };
}

/** `npm run package`: the bot's Entra app id, and the Teams app's own id when it has one. */
export function loadPackageSettings(env: Env = environment()): { botId: string; botDomain: string; teamsAppId?: string; ssoAppId?: string } {
  const botId = guid(env, 'MicrosoftAppId');
  if (botId === '') throw new ConfigError('MicrosoftAppId', 'is required: the Teams app points at the bot registered with that Entra app id');
  const botDomain = text(env, 'BOT_DOMAIN');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(botDomain))
    throw new ConfigError('BOT_DOMAIN', 'is required: the host name the bot is served at (its privacy and terms pages are linked from the app)');
  return { botId, botDomain, teamsAppId: guid(env, 'TEAMS_APP_ID') || undefined, ssoAppId: guid(env, 'AAD_APP_CLIENT_ID') || undefined };
}

/** The benchmarks' sizes: BENCH_USERS, BENCH_LATENCY_MS, BENCH_PASSES. */
export function loadBenchSettings(env: Env = environment()): { users: number; latencyMs: number; passes: number } {
  return {
    users: integer(env, 'BENCH_USERS', 500, 1, 100000),
    latencyMs: integer(env, 'BENCH_LATENCY_MS', 100, 0, 60000),
    passes: integer(env, 'BENCH_PASSES', 20, 1, 1000),
  };
}

/**
 * The Azure Monitor exporter sends its own usage statistics (Statsbeat) to a Microsoft address unless
 * told not to, and only the environment tells it: set before it loads. Telemetry goes only to the
 * Application Insights resource configured.
 */
export function turnOffStatsbeat(env: Env = process.env): void {
  env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = 'true';
  env.APPLICATION_INSIGHTS_NO_STATSBEAT = 'true';
}
