import { createServer, Server } from 'node:http';

export interface CapturedActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: any }[];
  conversation?: { id: string };
  [key: string]: unknown;
}

/**
 * Plays the Bot Framework connector (the serviceUrl of an activity): records what the bot sends
 * back, so a test can read the bot's replies over real HTTP.
 */
export class CaptureServer {
  readonly activities: CapturedActivity[] = [];
  /** Activities the bot replaced (PUT …/activities/{id}), in order. */
  readonly updates: CapturedActivity[] = [];
  /** Conversations that refuse posts (the bot was removed from the team, the channel deleted), with the status Teams answers. */
  readonly refusing = new Map<string, number>();
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
        const refusal = this.refusing.get(conversation);
        if (refusal) {
          res.writeHead(refusal, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }));
          return;
        }
        if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
          this.activities.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CapturedActivity);
        }
        if (req.method === 'PUT' && /\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(req.url ?? '')) {
          this.updates.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CapturedActivity);
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.activities.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as { port: number }).port}`;
    return this;
  }

  clear(): void {
    this.activities.length = 0;
    this.updates.length = 0;
  }

  /** Adaptive Cards sent so far. */
  cards(): any[] {
    return this.activities
      .flatMap((a) => a.attachments ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content);
  }

  texts(): string[] {
    return this.activities.map((a) => a.text).filter((t): t is string => typeof t === 'string');
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
