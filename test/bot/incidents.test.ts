import assert from 'node:assert/strict';
import { teamsActivity } from '../support/activities';
import { ORDINARY, seededUser, TENANT_ID } from '../support/fixtures';
import { useTestBot } from '../support/testBot';
import { until } from '../support/until';

const lea = { id: '29:user-lea', name: 'Léa Petit', aadObjectId: ORDINARY.id };
const paul = { id: '29:user-paul', name: 'Paul Fontaine', aadObjectId: seededUser('paul.fontaine@lumiere-fils.fr').id };
const julien = { id: '29:user-julien', name: 'Julien Moreau', aadObjectId: seededUser('julien.moreau@lumiere-fils.fr').id }; // Helpdesk Administrator
const lina = { id: '29:user-lina', name: 'Lina Berger', aadObjectId: seededUser('lina.berger@lumiere-fils.fr').id }; // Service Support Administrator
const thomas = { id: '29:user-thomas', name: 'Thomas Girard', aadObjectId: seededUser('thomas.girard@lumiere-fils.fr').id }; // Teams and SharePoint admin: no helpdesk role
const helpdeskChannel = { id: '19:helpdesk-incidents@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID };
const chats = {
  lea: { id: 'a:lea-incidents', conversationType: 'personal', tenantId: TENANT_ID },
  paul: { id: 'a:paul-incidents', conversationType: 'personal', tenantId: TENANT_ID },
  julien: { id: 'a:julien-incidents', conversationType: 'personal', tenantId: TENANT_ID },
  thomas: { id: 'a:thomas-incidents', conversationType: 'personal', tenantId: TENANT_ID },
};
type Card = { body: unknown[]; actions?: { type: string; title: string; data?: Record<string, string>; verb?: string; card?: Card }[] };

describe('Incidents: declared by chat, worked by the helpdesk from its channel, followed by the requester', function () {
  this.timeout(60000);
  const running = useTestBot({ HELPDESK_RETRY_SECONDS: '1', INCIDENT_POLL_SECONDS: '1', OUTAGE_THRESHOLD: '3' });
  const capture = () => running.capture;
  const graph = () => running.bot.bot.graphBaseUrl;

  const say = (from: object, conversation: object, text: string, kind: 'personal' | 'channel' = 'personal') =>
    running.bot.post(teamsActivity(capture().url, { text, from, conversation }, kind));
  const submit = (from: object, conversation: object, value: unknown) =>
    running.bot.post(teamsActivity(capture().url, { text: '', value, from, conversation }, 'personal'));
  const invoke = async (from: object, conversation: { id: string; conversationType: string }, verb: string, data: object) => {
    const kind = conversation.conversationType === 'channel' ? 'channel' : 'personal';
    const response = await running.bot.post(
      teamsActivity(
        capture().url,
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          text: undefined,
          from,
          conversation,
          replyToId: 'card-1',
          value: { action: { type: 'Action.Execute', verb, data } },
        },
        kind,
      ),
    );
    return JSON.stringify(((await response.json()) as { value: unknown }).value);
  };
  const to = (conversation: { id: string }) => capture().activities.filter((a) => a.conversation?.id === conversation.id);
  const textsTo = (conversation: { id: string }) => to(conversation).map((a) => a.text ?? '');
  const lastCard = (): Card => capture().cards().at(-1);
  const numberIn = (text: string) => Number(/INC-(\d{6})/.exec(text)![1]);

  /** Léa declares an incident through the whole flow; its number. */
  const declare = async (who = lea, chat = chats.lea, text = "Word se ferme dès que j'ouvre un document", form: Record<string, string> = {}) => {
    await say(who, chat, text);
    const card = lastCard();
    const nonce = card.actions![0].data!.incidentForm;
    capture().clear();
    await submit(who, chat, { incidentForm: nonce, service: 'Microsoft 365 apps', impact: 'me', description: text, since: '', phone: '', ...form });
    return numberIn(textsTo(chat).join(' '));
  };

  /** Léa reports late mail, where Microsoft knows of EX1062744: its card is shown, and she answers it with `choice`. */
  const declareOnExchange = async (choice: 'link' | 'anyway' | 'dontFile') => {
    await say(lea, chats.lea, 'les mails externes arrivent en retard');
    const nonce = lastCard().actions![0].data!.incidentForm;
    await submit(lea, chats.lea, { incidentForm: nonce, service: 'Exchange Online', impact: 'team', description: 'Les mails externes arrivent en retard' });
    const known = lastCard();
    assert.match(JSON.stringify(known), /Microsoft connaît déjà ce problème : EX1062744/);
    capture().clear();
    await submit(lea, chats.lea, { ...known.actions![0].data, choice });
  };

  before(async () => {
    for (const [who, chat] of [
      [lea, chats.lea],
      [paul, chats.paul],
      [julien, chats.julien],
      [thomas, chats.thomas],
    ] as const)
      await say(who, chat, 'bonjour'); // the bot knows their personal chats
    await say(julien, helpdeskChannel, 'ce canal est le canal du support', 'channel');
  });
  beforeEach(() => fetch(`${graph()}/_demo/reset`, { method: 'POST' }));

  describe('declaring', () => {
    it('fills the card from what the message says: the service, since when, the problem', async () => {
      await say(lea, chats.lea, 'Outlook ne marche plus depuis ce matin');
      const form = JSON.stringify(lastCard());
      assert.match(form, /Déclarer un incident/);
      assert.match(form, /"id":"service"[^}]*"value":"Exchange Online"/);
      assert.match(form, /"id":"description"[^}]*"value":"Outlook ne marche plus depuis ce matin"/);
      assert.match(form, /"id":"since"[^}]*"value":"depuis ce matin"/);
    });

    it('asks everything when the message only says an incident is to be declared', async () => {
      await say(lea, chats.lea, 'je veux déclarer un incident');
      const form = JSON.stringify(lastCard());
      assert.match(form, /"id":"description"[^}]*"value":""/);
      assert.match(form, /"id":"service"[^}]*"value":""/);
    });

    it('asks again for an empty description, and for a service that is not in the list, filing nothing', async () => {
      await say(lea, chats.lea, 'je veux signaler un problème');
      const nonce = lastCard().actions![0].data!.incidentForm;
      capture().clear();
      await submit(lea, chats.lea, { incidentForm: nonce, service: 'Microsoft Teams', impact: 'me', description: '   ' });
      assert.match(textsTo(chats.lea).join(' '), /Décrivez le problème en quelques mots/);
      capture().clear();
      await submit(lea, chats.lea, { incidentForm: nonce, service: 'Lotus Notes', impact: 'me', description: 'plus rien ne marche' });
      assert.match(textsTo(chats.lea).join(' '), /Choisissez le service concerné dans la liste/);
      assert.doesNotMatch(textsTo(helpdeskChannel).join(' ') + JSON.stringify(to(helpdeskChannel)), /INC-/, 'nothing reached the helpdesk');
    });

    it("shows Microsoft's known issue on that service, and files nothing when the user would rather wait", async () => {
      await declareOnExchange('dontFile');
      assert.match(textsTo(chats.lea).join(' '), /je ne déclare rien/);
      assert.equal(to(helpdeskChannel).length, 0);
    });

    it('a form sent twice (a double click, a replay) files one incident', async () => {
      await say(lea, chats.lea, 'Word refuse de démarrer');
      const nonce = lastCard().actions![0].data!.incidentForm;
      capture().clear();
      const form = { incidentForm: nonce, service: 'Microsoft 365 apps', impact: 'me', description: 'Word refuse de démarrer' };
      await submit(lea, chats.lea, form);
      await submit(lea, chats.lea, form);
      assert.equal(textsTo(chats.lea).filter((t) => /INC-\d{6}/.test(t)).length, 1);
      assert.match(textsTo(chats.lea).join(' '), /n'est plus active/);
      assert.equal(to(helpdeskChannel).filter((a) => /Word refuse de démarrer/.test(JSON.stringify(a.attachments ?? []))).length, 1);
    });

    it('numbers the incident, posts it in the helpdesk channel, and tells the requester both', async () => {
      const number = await declare();
      assert.match(
        textsTo(chats.lea).join(' '),
        new RegExp(`votre incident INC-${String(number).padStart(6, '0')} \\(Microsoft 365 apps\\) est transmis au support`),
      );
      const posted = JSON.stringify(to(helpdeskChannel)[0].attachments![0].content);
      assert.match(posted, /Léa Petit/);
      assert.match(posted, /Prendre en charge/);
      assert.match(posted, /Word se ferme/);
      assert.ok((await declare()) === number + 1, 'the next one gets the next number');
    });

    it('shows the helpdesk a link typed in the description as its address, never as words hiding where it goes', async () => {
      await declare(lea, chats.lea, undefined, { description: 'Suivez [la procédure officielle](https://evil.example/login) ou <https://evil.example/x>' });
      const posted = JSON.stringify(to(helpdeskChannel)[0].attachments![0].content);
      assert.match(posted, /la procédure officielle/);
      assert.match(posted, /https:\/\/evil\.example\/login/, 'the address stays visible');
      assert.doesNotMatch(posted, /\]\(https/, 'no markdown link');
      assert.doesNotMatch(posted, /<https/, 'no autolink');
    });
  });

  describe('when the helpdesk channel refuses the post', () => {
    after(() => capture().refusing.clear());

    it('the incident is kept, the requester told it is not delivered yet, and it is posted once the channel takes posts again', async () => {
      capture().refusing.set(helpdeskChannel.id, 403);
      const number = await declare();
      const said = textsTo(chats.lea).join(' ');
      assert.match(said, /est enregistré, mais le canal du support ne l'a pas encore reçu/);
      assert.doesNotMatch(said, /transmis au support/);
      capture().refusing.clear();
      await until(() => to(helpdeskChannel).some((a) => JSON.stringify(a.attachments ?? []).includes(`INC-${String(number).padStart(6, '0')}`)));
    });
  });

  describe('the helpdesk loop', () => {
    let number: number;
    beforeEach(async () => {
      number = await declare();
      capture().clear();
    });

    it('a member without a helpdesk role who presses Take changes nothing, and the requester hears nothing', async () => {
      const answer = await invoke(thomas, helpdeskChannel, 'incidentTake', { incident: String(number) });
      assert.match(answer, /traiter un incident demande l'un de ces rôles/);
      assert.doesNotMatch(answer, /Nouveau|Word se ferme/, 'nothing of the incident is shown to him');
      assert.equal(to(chats.lea).length, 0);
    });

    it('a Take sent from another conversation is refused', async () => {
      const answer = await invoke(julien, chats.julien, 'incidentTake', { incident: String(number) });
      assert.match(answer, /se traitent depuis le canal du support/);
    });

    it('take, comment and resolve: the card shows who holds it and its history, and the requester is told each step privately', async () => {
      const taken = await invoke(julien, helpdeskChannel, 'incidentTake', { incident: String(number) });
      assert.match(taken, /Pris en charge/);
      assert.match(taken, /Suivi par.*Julien Moreau/);
      assert.match(JSON.stringify(capture().updates.at(-1)), /Julien Moreau/, 'the card is replaced for everyone');
      assert.match(textsTo(chats.lea).join(' '), /Julien Moreau a pris en charge votre incident/);
      await invoke(julien, helpdeskChannel, 'incidentComment', { incident: String(number), comment: 'Pouvez-vous redémarrer Word en mode sans échec ?' });
      assert.match(textsTo(chats.lea).join(' '), /a ajouté un commentaire.*mode sans échec/);
      const missing = await invoke(julien, helpdeskChannel, 'incidentResolve', { incident: String(number), resolution: ' ' });
      assert.match(missing, /Écrivez d'abord votre texte/);
      const resolved = await invoke(julien, helpdeskChannel, 'incidentResolve', { incident: String(number), resolution: 'Complément défectueux désactivé' });
      assert.match(resolved, /Résolu/);
      assert.match(resolved, /pris en charge par Julien Moreau.*mode sans échec.*résolu par Julien Moreau/);
      assert.doesNotMatch(resolved, /incidentTake|incidentResolve/, 'no button is left on a resolved incident');
      assert.match(textsTo(chats.lea).join(' '), /Votre incident INC-\d+ est résolu. Julien Moreau indique : « Complément défectueux désactivé »/);
    });

    it('a click on an incident already resolved changes nothing', async () => {
      await invoke(julien, helpdeskChannel, 'incidentResolve', { incident: String(number), resolution: 'fait' });
      capture().clear();
      const again = await invoke(lina, helpdeskChannel, 'incidentTake', { incident: String(number) });
      assert.match(again, /déjà résolu/);
      assert.equal(to(chats.lea).length, 0);
    });

    it('two technicians taking the same incident at once: one holds it, the other is told', async () => {
      const answers = await Promise.all([
        invoke(julien, helpdeskChannel, 'incidentTake', { incident: String(number) }),
        invoke(lina, helpdeskChannel, 'incidentTake', { incident: String(number) }),
      ]);
      const refused = answers.filter((a) => /avant vous/.test(a));
      assert.equal(refused.length, 1, answers.join('\n'));
      assert.equal(textsTo(chats.lea).filter((t) => /a pris en charge/.test(t)).length, 1, 'the requester is told once');
    });

    it('a long exchange of comments is kept: its filing and the latest twenty events, within what Table Storage holds', async () => {
      for (let i = 1; i <= 30; i++) {
        const answer = await invoke(julien, helpdeskChannel, 'incidentComment', { incident: String(number), comment: `Commentaire ${i} : ${'x'.repeat(980)}` });
        assert.doesNotMatch(answer, /pas pu enregistrer/, `comment ${i} saved`);
      }
      const card = await invoke(julien, helpdeskChannel, 'incidentTake', { incident: String(number) });
      assert.match(card, /déclaré par Léa Petit/);
      assert.match(card, /Commentaire 30 :/);
      assert.doesNotMatch(card, /Commentaire 5 :/);
    });

    it('an incident number that does not exist is answered, and nothing else happens', async () => {
      const answer = await invoke(julien, helpdeskChannel, 'incidentTake', { incident: '999999' });
      assert.match(answer, /Je ne trouve pas cet incident/);
    });
  });

  describe('in a group chat', () => {
    const groupChat = { id: '19:equipe-direction@thread.v2', conversationType: 'groupChat', tenantId: TENANT_ID };

    it("someone else who sends a member's declaration form files nothing, and is told whose it is", async () => {
      await running.bot.post(teamsActivity(capture().url, { text: 'Teams ne démarre plus', from: lea, conversation: groupChat }, 'groupChat'));
      const form = lastCard().actions![0].data!;
      capture().clear();
      const value = { ...form, service: 'Microsoft Teams', impact: 'me', description: 'Teams ne démarre plus' };
      await running.bot.post(teamsActivity(capture().url, { text: '', value, from: paul, conversation: groupChat }, 'groupChat'));
      assert.match(textsTo(groupChat).join(' '), /attend la confirmation de Léa Petit/);
      assert.doesNotMatch(textsTo(groupChat).join(' '), /INC-/);
      assert.equal(to(helpdeskChannel).length, 0, 'nothing reached the helpdesk');
    });
  });

  describe('a requester the bot has no 1:1 chat with', () => {
    const hugo = { id: '29:user-hugo', name: 'Hugo Lambert', aadObjectId: seededUser('hugo.lambert@lumiere-fils.fr').id };
    const groupChat = { id: '19:equipe-compta@thread.v2', conversationType: 'groupChat', tenantId: TENANT_ID };

    it('hears of their incident in the conversation they declared it in, named', async () => {
      await running.bot.post(
        teamsActivity(capture().url, { text: 'Excel plante à l’ouverture du fichier budget', from: hugo, conversation: groupChat }, 'groupChat'),
      );
      const nonce = lastCard().actions![0].data!.incidentForm;
      const value = { incidentForm: nonce, service: 'Microsoft 365 apps', impact: 'team', description: 'Excel plante à l’ouverture du fichier budget' };
      await running.bot.post(teamsActivity(capture().url, { text: '', value, from: hugo, conversation: groupChat }, 'groupChat'));
      const number = numberIn(textsTo(groupChat).join(' '));
      capture().clear();
      await invoke(julien, helpdeskChannel, 'incidentTake', { incident: String(number) });
      assert.match(textsTo(groupChat).join(' '), /Hugo Lambert — Julien Moreau a pris en charge votre incident/);
    });
  });

  describe('the requester follows their incidents', () => {
    it('« mes incidents » lists theirs, « où en est INC-… » shows one; someone else asking gets nothing of it, the helpdesk does', async () => {
      const number = await declare();
      const label = `INC-${String(number).padStart(6, '0')}`;
      capture().clear();
      await say(lea, chats.lea, 'mes incidents');
      assert.match(JSON.stringify(lastCard()), new RegExp(label));
      capture().clear();
      await say(lea, chats.lea, `où en est ${label} ?`);
      assert.match(JSON.stringify(lastCard()), /Clore l'incident/);
      capture().clear();
      await say(paul, chats.paul, `où en est le ticket ${number} ?`);
      assert.match(textsTo(chats.paul).join(' '), new RegExp(`Je ne trouve pas d'incident ${label} parmi les vôtres`));
      capture().clear();
      await say(paul, chats.paul, 'où en est INC-987654 ?');
      assert.match(
        textsTo(chats.paul).join(' '),
        /Je ne trouve pas d'incident INC-987654 parmi les vôtres/,
        'the same answer as for an incident of someone else',
      );
      capture().clear();
      await say(julien, chats.julien, `#${number}`);
      const seen = JSON.stringify(lastCard());
      assert.match(seen, /Léa Petit/);
      assert.match(seen, /utilisez sa carte dans le canal du support/);
      capture().clear();
      await say(julien, chats.julien, 'où en est INC-987654 ?');
      assert.match(
        textsTo(chats.julien).join(' '),
        /Il n'y a pas d'incident INC-987654\. « incidents ouverts » liste ceux à traiter\./,
        'the helpdesk sees every incident: not « among yours »',
      );
    });

    it('the requester comments and closes from their card: the helpdesk card follows, the technician is told; nobody else may', async () => {
      const number = await declare();
      await invoke(julien, helpdeskChannel, 'incidentTake', { incident: String(number) });
      capture().clear();
      const foreign = await invoke(paul, chats.paul, 'incidentClose', { incident: String(number) });
      assert.match(foreign, /Seul le demandeur peut/);
      const commented = await invoke(lea, chats.lea, 'incidentAddComment', { incident: String(number), comment: 'Ça recommence ce matin' });
      assert.match(commented, /Commentaire envoyé/);
      assert.match(textsTo(chats.julien).join(' '), /Léa Petit a commenté son incident.*Ça recommence ce matin/);
      const closed = await invoke(lea, chats.lea, 'incidentClose', { incident: String(number) });
      assert.match(closed, /Clos/);
      assert.match(JSON.stringify(capture().updates.at(-1)), /clos par Léa Petit/, 'the helpdesk card shows it');
    });

    it('« incidents ouverts » lists the open ones for the helpdesk, filtered by service and technician, and is refused to others', async () => {
      const word = await declare();
      const teams = await declare(lea, chats.lea, 'Teams ne démarre plus', { service: 'Microsoft Teams' });
      await invoke(julien, helpdeskChannel, 'incidentTake', { incident: String(teams) });
      capture().clear();
      await say(julien, chats.julien, 'incidents ouverts sur Teams');
      const onTeams = JSON.stringify(lastCard());
      assert.match(onTeams, new RegExp(`INC-${String(teams).padStart(6, '0')}`));
      assert.doesNotMatch(onTeams, new RegExp(`INC-${String(word).padStart(6, '0')}`));
      capture().clear();
      await say(julien, chats.julien, 'incidents ouverts non pris');
      assert.doesNotMatch(JSON.stringify(lastCard()), new RegExp(`INC-${String(teams).padStart(6, '0')}`));
      capture().clear();
      // asked as a question
      await say(julien, chats.julien, 'quels incidents ne sont pas encore pris ?');
      assert.match(JSON.stringify(lastCard()), new RegExp(`INC-${String(word).padStart(6, '0')}`));
      assert.doesNotMatch(JSON.stringify(lastCard()), new RegExp(`INC-${String(teams).padStart(6, '0')}`));
      capture().clear();
      await say(julien, chats.julien, 'incidents ouverts pris par moi');
      assert.match(JSON.stringify(lastCard()), new RegExp(`INC-${String(teams).padStart(6, '0')}`));
      capture().clear();
      await say(julien, chats.julien, 'incidents à traiter');
      assert.match(JSON.stringify(lastCard()), new RegExp(`INC-${String(teams).padStart(6, '0')}`), '« à traiter » names no technician');
      capture().clear();
      await say(thomas, chats.thomas, 'incidents ouverts');
      assert.match(textsTo(chats.thomas).join(' '), /rôle/);
    });

    it('a technician asking about incidents without « mes » (« any new tickets? », « liste des incidents ») gets the open ones; anyone else their own', async () => {
      const word = await declare();
      capture().clear();
      await say(julien, chats.julien, 'any new tickets?');
      assert.match(JSON.stringify(lastCard()), new RegExp(`INC-${String(word).padStart(6, '0')}`));
      capture().clear();
      await say(julien, chats.julien, 'liste des incidents');
      assert.match(JSON.stringify(lastCard()), new RegExp(`INC-${String(word).padStart(6, '0')}`));
      capture().clear();
      await say(thomas, chats.thomas, 'liste des incidents');
      assert.match(textsTo(chats.thomas).join(' '), /Vous n'avez déclaré aucun incident/);
    });
  });

  describe("Microsoft's outages followed for the user", () => {
    it('an incident linked to a Microsoft issue: its requester hears of the update and of the resolution, the helpdesk card shows them', async () => {
      await declareOnExchange('link');
      assert.match(textsTo(chats.lea).join(' '), /Il est lié à EX1062744/);
      capture().clear();
      await fetch(`${graph()}/_demo/serviceIssues/EX1062744`, { method: 'POST', body: JSON.stringify({ post: 'Le correctif est en cours de déploiement.' }) });
      await until(() => textsTo(chats.lea).some((t) => /Microsoft a publié du nouveau sur EX1062744.*correctif est en cours/.test(t)));
      await fetch(`${graph()}/_demo/serviceIssues/EX1062744`, {
        method: 'POST',
        body: JSON.stringify({ post: 'Les délais sont revenus à la normale.', resolve: true }),
      });
      await until(() => textsTo(chats.lea).some((t) => /Microsoft annonce que EX1062744.*est résolu/.test(t)));
      await until(() => capture().updates.some((u) => /Microsoft a résolu EX1062744/.test(JSON.stringify(u))));
      assert.equal(textsTo(chats.lea).filter((t) => /Microsoft a publié du nouveau/.test(t)).length, 1, 'each update is told once');
    });

    it('several incidents on one service while Microsoft reports nothing: one warning of a possible outage, with the incidents grouped', async () => {
      const warnings = () => to(helpdeskChannel).filter((a) => /Panne possible : OneDrive for Business/.test(JSON.stringify(a.attachments ?? [])));
      const filed: number[] = [];
      for (const [who, chat] of [
        [lea, chats.lea],
        [paul, chats.paul],
      ] as const)
        filed.push(await declare(who, chat, 'OneDrive ne synchronise plus rien', { service: 'OneDrive for Business' }));
      assert.equal(warnings().length, 0, 'two incidents are not an outage yet');
      filed.push(await declare(thomas, chats.thomas, 'OneDrive ne marche plus chez moi non plus', { service: 'OneDrive for Business' }));
      await until(() => warnings().length === 1);
      const warning = JSON.stringify(warnings()[0].attachments);
      for (const number of filed) assert.match(warning, new RegExp(`INC-${String(number).padStart(6, '0')}`));
      await declare(lea, chats.lea, 'OneDrive toujours bloqué', { service: 'OneDrive for Business' }); // (what was captured is cleared first)
      assert.match(textsTo(chats.lea).join(' '), /est transmis au support/);
      assert.equal(warnings().length, 0, 'one warning, not one per incident');
    });
  });
});
