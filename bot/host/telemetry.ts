import type { Attributes } from '@opentelemetry/api';
import { turnOffStatsbeat } from './config';
import type { Logger } from './logger';

/** One Graph request as telemetry keeps it: the route without identifiers, never a name, an address or a body. */
export interface GraphCall {
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

/**
 * What the bot tells Application Insights: each turn (its kind, the operation it was routed to,
 * its outcome and duration), and each Graph request (method, route, status, duration). Never the
 * text of a message, a person's name or address, or a secret.
 */
export interface Telemetry {
  turn(kind: string, work: () => Promise<string | undefined>): Promise<void>;
  graphCall(call: GraphCall): void;
  close(): Promise<void>;
}

/** Without APPLICATIONINSIGHTS_CONNECTION_STRING: nothing is recorded, nothing leaves the machine. */
export const NO_TELEMETRY: Telemetry = {
  turn: async (_kind, work) => {
    await work();
  },
  graphCall: () => undefined,
  close: async () => undefined,
};

/**
 * Telemetry to Application Insights through OpenTelemetry (the Azure Monitor distro), when a
 * connection string is configured. Only our own spans and metrics: the automatic HTTP and Azure SDK
 * instrumentations are off (their URLs would carry people's addresses), and so are Statsbeat and
 * Live Metrics, so that nothing goes anywhere but the resource configured.
 */
export async function startTelemetry(connectionString: string, logger: Logger): Promise<Telemetry> {
  if (!connectionString) return NO_TELEMETRY;
  turnOffStatsbeat();
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  const { trace, metrics, SpanKind, SpanStatusCode } = await import('@opentelemetry/api');
  const off = { enabled: false };
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, disableOfflineStorage: true },
    enableLiveMetrics: false,
    enableStandardMetrics: false,
    enablePerformanceCounters: false,
    instrumentationOptions: {
      http: off,
      azureSdk: off,
      mongoDb: off,
      mySql: off,
      postgreSql: off,
      redis: off,
      redis4: off,
      bunyan: off,
      winston: off,
      console: off,
    },
  } as Parameters<typeof useAzureMonitor>[0]);
  const tracer = trace.getTracer('assistant-admin-365');
  const meter = metrics.getMeter('assistant-admin-365');
  const turnDuration = meter.createHistogram('assistant.turn.duration', { unit: 'ms', description: 'Time to answer one activity' });
  const turns = meter.createCounter('assistant.turns', { description: 'Activities answered, by kind, operation and outcome' });
  const graphDuration = meter.createHistogram('assistant.graph.duration', { unit: 'ms', description: 'Microsoft Graph requests, by route and status' });
  logger.info('telemetry on: traces and metrics go to Application Insights');
  return {
    async turn(kind, work) {
      await tracer.startActiveSpan(`turn ${kind}`, { kind: SpanKind.SERVER }, async (span) => {
        const started = performance.now();
        const attributes: Attributes = { 'activity.type': kind };
        try {
          const operation = await work();
          if (operation) attributes['assistant.operation'] = operation;
          attributes['assistant.outcome'] = 'ok';
        } catch (error) {
          attributes['assistant.outcome'] = 'error';
          // The error's kind only: its message may quote what the user typed.
          attributes['error.type'] = (error as Error).name;
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.setAttributes(attributes);
          span.end();
          turnDuration.record(performance.now() - started, attributes);
          turns.add(1, attributes);
        }
      });
    },
    graphCall(call) {
      const attributes = { 'http.request.method': call.method, 'url.template': call.route, 'http.response.status_code': call.status };
      graphDuration.record(call.durationMs, attributes);
      const end = Date.now();
      tracer
        .startSpan(`Graph ${call.method} ${call.route}`, {
          kind: SpanKind.CLIENT,
          startTime: end - call.durationMs,
          attributes: { ...attributes, 'server.address': 'graph' },
        })
        .end(end);
    },
    close: () => shutdownAzureMonitor(),
  };
}

/** A Graph URL as telemetry may keep it: the path, with every identifier, address or name replaced by {id}, no query. */
export function graphRoute(url: string): string {
  const path = new URL(url, 'http://graph').pathname.replace(/^\/v1\.0/, '');
  return (
    path
      .split('/')
      .map((segment) => (/[@.]|^[0-9a-f-]{16,}$|\d{3,}|%/i.test(segment) ? '{id}' : segment))
      .join('/') || '/'
  );
}
