import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Logger } from '../logger';

/** Loaded first in every child: it exits when its parent is gone (see parentWatch.ts). */
const PARENT_WATCH = resolve(__dirname, 'parentWatch.js');

export interface ChildServiceOptions {
  name: string;
  /** A Node.js script, run with the same node binary as this process. */
  script: string;
  args?: string[];
  /** Options for node itself, before the script. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Resolves when this line appears on the child's output; its match is returned by start(). */
  readyLine: RegExp;
  /** How many ready lines to wait for (Azurite prints one per service). */
  readyCount?: number;
  timeoutMs?: number;
  logger: Logger;
  /** Pass the child's output through to this process's (for `npm start`). */
  echo?: boolean;
}

/**
 * A helper process the bot owns (the demo tenant, Azurite): started, waited for until it says it
 * is ready, its output kept for the error message if it dies, and stopped with the bot. It never
 * outlives the bot: it is started with parentWatch, which ends it when its parent's IPC channel
 * closes (the parent exited, crashed or was killed).
 */
export class ChildService {
  private exited = false;
  private stopping = false;
  private readonly exitListeners: (() => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly name: string,
    private readonly logger: Logger,
  ) {
    child.once('exit', () => {
      this.exited = true;
      if (!this.stopping) this.exitListeners.forEach((listener) => listener());
    });
  }

  static start(options: ChildServiceOptions): Promise<{ service: ChildService; matches: RegExpMatchArray[] }> {
    // The IPC channel is how a child knows its parent is alive: it closes when the parent dies, even by SIGKILL.
    const child = spawn(process.execPath, ['--require', PARENT_WATCH, ...(options.nodeArgs ?? []), options.script, ...(options.args ?? [])], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.channel?.unref(); // the parent's side must not keep the bot alive either
    const service = new ChildService(child, options.name, options.logger);
    const wanted = options.readyCount ?? 1;
    const matches: RegExpMatchArray[] = [];
    const output: string[] = [];
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(`did not start within ${options.timeoutMs ?? 30000} ms`), options.timeoutMs ?? 30000);
      const fail = (why: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`${options.name} ${why}. Its last output:\n${output.slice(-15).join('\n')}`));
      };
      const onLine = (line: string) => {
        if (options.echo) process.stdout.write(line + '\n');
        output.push(line);
        if (output.length > 200) output.shift();
        const match = line.match(options.readyLine);
        if (match && matches.length < wanted) {
          matches.push(match);
          if (matches.length === wanted) {
            clearTimeout(timer);
            resolve({ service, matches });
          }
        }
      };
      let buffered = '';
      const onData = (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('error', (error) => fail(`could not be started: ${error.message}`));
      child.once('exit', (code, signal) => {
        if (matches.length < wanted) fail(`exited early (code ${code}, signal ${signal})`);
        else if (!service.stopping) options.logger.error(`${options.name} exited unexpectedly`, { code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Called if the process ends without being asked to. */
  onUnexpectedExit(listener: () => void): void {
    this.exitListeners.push(listener);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    this.stopping = true;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
    this.logger.info(`${this.name} stopped`);
  }
}
