import assert from 'node:assert/strict';
import { ADMIN, ORDINARY } from '../support/fixtures';
import { dialogStack } from '../support/dialogStack';
import { useDemoTenant } from '../support/demoTenant';

type Reply = { text?: string; attachments?: { content: unknown }[] };

describe('Domains, from Graph', function () {
  this.timeout(30000);
  const { tenant } = useDemoTenant();

  const ask = async (aadObjectId: string, text: string) => {
    const stack = await dialogStack(tenant().url);
    const reply = (await stack.client().sendActivity({ type: 'message', text, locale: 'fr-FR', from: { id: 'u', name: 'x', aadObjectId } })) as Reply;
    return reply.text ?? JSON.stringify(reply.attachments?.[0]?.content);
  };

  it('explains how domains work to someone who cannot manage them, rather than refusing', async () => {
    const answer = await ask(ORDINARY.id, 'utiliser mon domaine avec les boîtes mail');
    assert.match(answer, /Utiliser votre domaine pour les boîtes mail|Acheter un nom de domaine/);
    assert.doesNotMatch(answer, /lumiere-fils\.com/, 'no tenant data for them');
  });

  it('says a domain named is not in the organization, and how to add it', async () => {
    const answer = await ask(ADMIN.id, 'configurer le domaine exemple-inconnu.fr');
    assert.match(answer, /exemple-inconnu\.fr n'est pas \(encore\) ajouté à votre organisation/);
    assert.match(answer, /Paramètres > Domaines > Ajouter un domaine/);
  });

  it('explains buying a domain when that is the question', async () => {
    const answer = await ask(ADMIN.id, 'acheter un nom de domaine');
    assert.match(answer, /Acheter un nom de domaine et l'ajouter à Microsoft 365/);
  });
});
