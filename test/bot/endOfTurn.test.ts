import assert from 'node:assert/strict';
import { ActivityTypes, BotState, ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { AssistantBot, DialogRunner } from '../../bot/host/assistantBot';
import { Logger } from '../../bot/host/logger';
import { CardAnswerRules } from '../../bot/policy/cardData';
import { StorageFault } from '../../bot/policy/errors';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { Localizer } from '../../bot/presentation/i18n';
import type { ConversationDirectory } from '../../bot/storage/conversationDirectory';
import { TurnSetup } from '../../bot/turn/turnSetup';

/** A state whose save fails as storage frozen after the turn's work fails it. */
class FrozenOnSave extends ConversationState {
  constructor() {
    super(new MemoryStorage());
  }
  override async saveChanges(): Promise<void> {
    throw new StorageFault('Bot state: failed writing: no answer within 5000 ms');
  }
}

/** The bot with a dialog that does `turn`, its states saved into storage that fails. */
function botWhose(turn: (context: TurnContext) => Promise<void>) {
  const state: BotState = new FrozenOnSave();
  const dialogs: DialogRunner = { run: turn };
  const conversations = { remember: async () => undefined } as unknown as ConversationDirectory;
  const logs: string[] = [];
  const logger = new Logger('debug', {}, (line) => logs.push(line));
  const bot = new AssistantBot([state], state, dialogs, conversations, new CardRenderer(), new Localizer(), logger, new Map(), new CardAnswerRules({}, {}));
  const adapter = new TestAdapter(async (context) => bot.run(context)).use(new TurnSetup(logger, 'fr'));
  return { adapter, logs };
}

describe('The end of a turn, when storage fails to save its state', () => {
  it('after the turn did its work and said so: says it is done and what may be forgotten, never that nothing changed', async () => {
    const { adapter, logs } = botWhose(async (context) => {
      await context.sendActivity("C'est fait : l'incident INC-000042 est enregistré.");
    });
    await adapter
      .send({ type: ActivityTypes.Message, text: 'Outlook ne marche plus', locale: 'fr-FR' })
      .assertReply("C'est fait : l'incident INC-000042 est enregistré.")
      .assertReply((reply) => {
        assert.match(reply.text ?? '', /^Ce que je viens de dire est fait\. En revanche, je n'ai pas pu enregistrer où nous en sommes/);
        assert.doesNotMatch(reply.text ?? '', /Rien n'a été modifié/);
      });
    assert.ok(logs.some((line) => line.includes('its state could not be saved')));
  });

  it('before the turn said anything: the failure is the turn’s, for the adapter to tell (nothing was done)', async () => {
    const { adapter } = botWhose(async () => undefined);
    await assert.rejects(adapter.send({ type: ActivityTypes.Message, text: 'aide', locale: 'fr-FR' }).startTest(), StorageFault);
  });
});
