import { performance } from 'node:perf_hooks';
import { projectPath } from '../bot/host/paths';
import { loadBenchSettings } from '../bot/host/config';
import { detectLanguage } from '../bot/nlu/language';
import { crossValidate, HELD_OUT_SETS, LabelledUtterance, loadEvaluationSet, score, Scores } from '../bot/nlu/evaluation';
import { loadCorpus, NlpRecognizer } from '../bot/nlu/nlpRecognizer';

/** How many splits of the corpus into folds cross-validation is measured on. */
const CV_SPLITS = 5;

/**
 * `npm run bench:nlu`: the recognizer measured three ways, none of them ever trained on —
 * k-fold cross-validation over the hand-written corpus (the mean of five splits into folds), and the held-out sets. For each:
 * accuracy (per language too), macro-F1, recall per intent, the confusions; the failing
 * sentences are printed for cross-validation and the first held-out set only, so that nobody
 * tunes the model to the second one. Then latency per utterance and start-up time.
 */
async function main(): Promise<void> {
  const recognizer = await NlpRecognizer.load();
  const startupMs = performance.now(); // since the process started (performance.timeOrigin): the model the build trained, loaded
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const out: string[] = [];
  const report = (title: string, pairs: { text: string; expected: string; got: string; language: string }[], showErrors: boolean) => {
    const scores: Scores = score(pairs);
    const byLanguage = ['fr', 'en', 'mix']
      .map((language) => ({ language, items: pairs.filter((p) => p.language === language) }))
      .filter((l) => l.items.length > 0)
      .map((l) => `${l.language} ${pct(score(l.items).accuracy)} (${l.items.length})`)
      .join(', ');
    const ood = pairs.filter((p) => p.expected === 'none');
    const falseAccepts = ood.filter((p) => p.got !== 'none').length;
    out.push('', `${title}`, `  accuracy ${pct(scores.accuracy)}   (target ≥ 97 %)   macro-F1 ${scores.macroF1.toFixed(3)}   ${byLanguage}`);
    out.push(
      `  out of domain: ${ood.length - falseAccepts} of ${ood.length} rejected; ${pairs.filter((p) => p.expected !== 'none' && p.got === 'none').length} requests taken for out of domain`,
    );
    out.push(
      `  recall per intent: ${Object.entries(scores.recall)
        .map(([intent, r]) => `${intent} ${pct(r)}`)
        .join(', ')}`,
    );
    out.push(`  confused (expected → got): ${scores.confusions.map((c) => `${c.expected} → ${c.got} ×${c.count}`).join(', ') || 'none'}`);
    if (showErrors) for (const e of scores.errors) out.push(`    [${e.expected} → ${e.got}] ${e.text}`);
    return scores.accuracy;
  };

  const corpus = loadCorpus();
  // One split of the corpus into folds is one draw: the figure moves by a point from one split to
  // another. Five are measured — the corpus dealt out in order, and four by hash — and their mean is the figure.
  const splits = [];
  for (let split = 0; split < CV_SPLITS; split++) splits.push(await crossValidate(corpus, (training) => NlpRecognizer.train(training), 5, split));
  const accuracies = splits.map((pairs) => score(pairs).accuracy);
  const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
  out.push(
    `cross-validation: 5 folds over the ${splits[0].length} hand-written phrases of nlu/corpus.json (generated phrasings always in training), ${CV_SPLITS} splits`,
    `  accuracy ${pct(mean)} (mean)   (target ≥ 97 %)   each split: ${accuracies.map(pct).join(', ')}`,
  );
  report(`cross-validation, split 1 of ${CV_SPLITS} (in corpus order), in detail:`, splits[0], true);

  const sets: LabelledUtterance[][] = [];
  const later: { text: string; expected: string; got: string; language: string }[] = [];
  for (const [n, file] of HELD_OUT_SETS.entries()) {
    const set = loadEvaluationSet(projectPath('nlu', file));
    sets.push(set);
    const pairs = [];
    for (const item of set)
      pairs.push({ text: item.text, expected: item.intent, got: (await recognizer.recognize(item.text)).intent, language: item.language });
    report(`held-out ${n + 1}: nlu/${file}, ${set.length} utterances`, pairs, n === 0);
    if (n > 0) later.push(...pairs);
  }
  // Each later set is small (a sentence is two points of one of them): together they say more.
  out.push('', `held-out 2 to ${sets.length} together: ${later.length} utterances`);
  out.push(`  accuracy ${pct(score(later).accuracy)}`);

  const all = sets.flat();
  const latencies: number[] = [];
  const { passes } = loadBenchSettings();
  for (let pass = 0; pass < passes; pass++) {
    for (const item of all) {
      const started = performance.now();
      await recognizer.recognize(item.text);
      latencies.push(performance.now() - started);
    }
  }
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const languageItems = all.filter((i) => i.language !== 'mix');
  const decided = languageItems.map((i) => ({ expected: i.language, got: detectLanguage(i.text) }));
  out.push('');
  out.push(`latency         p50 ${percentile(50).toFixed(3)} ms   p99 ${percentile(99).toFixed(3)} ms   (target p99 ≤ 1 ms; ${latencies.length} calls)`);
  out.push(`start-up        ${startupMs.toFixed(0)} ms   (process start to trained recognizer; target ≤ 300 ms)`);
  out.push(
    `language        ${pct(decided.filter((l) => l.got === l.expected).length / languageItems.length)} right on fr/en messages, ${decided.filter((l) => l.got === undefined).length} left to the Teams locale (too short to tell)`,
  );
  process.stdout.write(out.join('\n').trimStart() + '\n');
}

main().catch((error) => {
  process.stderr.write(`bench:nlu failed: ${(error as Error).message}\n`);
  process.exit(1);
});
