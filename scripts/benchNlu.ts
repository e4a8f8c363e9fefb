import { performance } from 'node:perf_hooks';
import { loadBenchSettings } from '../bot/host/config';
import { detectLanguage } from '../bot/nlu/language';
import { loadEvaluationSet, score } from '../bot/nlu/evaluation';
import { NlpRecognizer } from '../bot/nlu/nlpRecognizer';

/**
 * `npm run bench:nlu`: the recognizer measured on nlu/evaluation.tsv (never trained on).
 * Prints accuracy, macro-F1, recall per intent, the most confused pairs, latency per utterance
 * (p50, p99 over repeated passes) and start-up time (process start to a trained recognizer).
 */
async function main(): Promise<void> {
  const recognizer = await NlpRecognizer.train();
  const startupMs = performance.now(); // since the process started (performance.timeOrigin)
  const set = loadEvaluationSet();

  const pairs = [];
  for (const item of set) pairs.push({ text: item.text, expected: item.intent, got: (await recognizer.recognize(item.text)).intent });
  const scores = score(pairs);

  const latencies: number[] = [];
  const { passes } = loadBenchSettings();
  for (let pass = 0; pass < passes; pass++) {
    for (const item of set) {
      const started = performance.now();
      await recognizer.recognize(item.text);
      latencies.push(performance.now() - started);
    }
  }
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

  const languageItems = set.filter((i) => i.language !== 'mix');
  const languageDecided = languageItems.map((i) => ({ expected: i.language, got: detectLanguage(i.text) }));
  const languageRight = languageDecided.filter((l) => l.got === l.expected).length;
  const languageUndecided = languageDecided.filter((l) => l.got === undefined).length;

  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const out: string[] = [];
  out.push(
    `NLU evaluation: ${set.length} utterances (${set.filter((i) => i.language === 'fr').length} fr, ${set.filter((i) => i.language === 'en').length} en, ${set.filter((i) => i.language === 'mix').length} mixed), ${Object.keys(scores.recall).length} intents`,
  );
  out.push(`accuracy        ${pct(scores.accuracy)}   (target ≥ 95 %)`);
  out.push(`macro-F1        ${scores.macroF1.toFixed(3)}`);
  out.push(`latency p50     ${percentile(50).toFixed(3)} ms   p99 ${percentile(99).toFixed(3)} ms   (target p99 ≤ 2 ms; ${latencies.length} calls)`);
  out.push(`start-up        ${startupMs.toFixed(0)} ms   (process start to trained recognizer; target ≤ 2000 ms)`);
  out.push(
    `language        ${pct(languageRight / languageItems.length)} right on fr/en messages, ${languageUndecided} left to the Teams locale (too short to tell)`,
  );
  out.push('recall per intent');
  for (const [intent, recall] of Object.entries(scores.recall)) out.push(`  ${intent.padEnd(18)} ${pct(recall)}`);
  out.push('most confused (expected → got)');
  for (const c of scores.confusions.slice(0, 8)) out.push(`  ${c.expected} → ${c.got}: ${c.count}`);
  out.push('errors');
  for (const e of scores.errors) out.push(`  [${e.expected} → ${e.got}] ${e.text}`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error) => {
  process.stderr.write(`bench:nlu failed: ${(error as Error).message}\n`);
  process.exit(1);
});
