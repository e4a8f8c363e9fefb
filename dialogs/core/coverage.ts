import type { Operation } from '../../bot/policy/capabilities';
import type { KnowledgeBase } from '../../bot/nlu/knowledge';
import { Intent, isIntent } from '../../bot/nlu/recognizer';
import type { Coverage } from './helpCard';

/** Intents whose whole answer is an explanation: the knowledge base does them. */
export const EXPLAINED: readonly Intent[] = ['password.change', 'mail.setup', 'support.contact'];

/** How each intent is answered today: by a dialog or an explanation ('done'), a guide only, or not yet. */
export function coverageOf(routed: () => readonly Operation[], knowledge: KnowledgeBase): Coverage {
  return (intent) => {
    if (routed().includes(intent) || (EXPLAINED as readonly string[]).includes(intent)) return 'done';
    return isIntent(intent) && knowledge.forIntent(intent).length > 0 ? 'guide' : 'soon';
  };
}
