import { createInterface } from 'node:readline';
import { NlpRecognizer } from '../bot/nlu/nlpRecognizer';

/** `npm run --silent nlu`: one utterance a line on standard input, one JSON object a line on standard output. */
async function main(): Promise<void> {
  const recognizer = await NlpRecognizer.load();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const result = await recognizer.recognize(line);
    const entities = result.entities.map(({ type, value }) => ({ type, value }));
    process.stdout.write(JSON.stringify({ text: line, intent: result.intent, score: Number(result.score.toFixed(4)), entities }) + '\n');
  }
}

main().catch((error) => {
  process.stderr.write(`nlu failed: ${(error as Error).message}\n`);
  process.exit(1);
});
