import { projectPath } from '../bot/host/paths';
import { NlpRecognizer } from '../bot/nlu/nlpRecognizer';

/**
 * Part of `npm run build`: trains the recognizer once and saves it beside the code
 * (dist/nlu-model.json), so that the bot starts without training (NlpRecognizer.load).
 */
async function main(): Promise<void> {
  const recognizer = await NlpRecognizer.train();
  recognizer.save(projectPath('dist', 'nlu-model.json'));
}

main().catch((error) => {
  process.stderr.write(`Training the recognizer failed: ${(error as Error).message}\n`);
  process.exit(1);
});
