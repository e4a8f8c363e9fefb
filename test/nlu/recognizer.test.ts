import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { HELD_OUT_SETS, loadEvaluationSet, NearDuplicates, score } from '../../bot/nlu/evaluation';
import { normalise } from '../../bot/nlu/normalise';
import { conceptsOf } from '../../bot/nlu/concepts';
import { loadTemplates } from '../../bot/nlu/templates';
import { loadCorpus, NlpRecognizer } from '../../bot/nlu/nlpRecognizer';
import { projectPath } from '../../bot/host/paths';
import { INTENTS, RememberingRecognizer } from '../../bot/nlu/recognizer';

describe('Recognizer (nlp.js and a linear model, offline)', () => {
  let recognizer: NlpRecognizer;
  before(async () => {
    recognizer = await NlpRecognizer.load();
  });

  it('is trained on every intent of DESIGN.md, in both languages', () => {
    const corpus = loadCorpus();
    assert.deepEqual(Object.keys(corpus).sort(), [...INTENTS].sort());
    for (const [intent, phrases] of Object.entries(corpus)) {
      assert.ok(phrases.fr.length >= 5 && phrases.en.length >= 5, `${intent} needs phrases in both languages`);
    }
  });

  /** What the recognizer is trained on: the corpus and the generated phrasings, less the near-duplicates of held-out sentences. */
  const heldOut = () => HELD_OUT_SETS.flatMap((file) => loadEvaluationSet(projectPath('nlu', file)));
  const trainedOn = () => {
    const held = new NearDuplicates(heldOut().map((e) => e.text));
    return [loadCorpus(), loadTemplates()].flatMap((corpus) => Object.values(corpus).flatMap((p) => [...p.fr, ...p.en])).filter((t) => !held.of(t));
  };

  it('is never trained on a held-out sentence, nor on a near-duplicate of one (the same words in another order, or one word changed, added or left out)', () => {
    const near = new NearDuplicates(trainedOn());
    assert.deepEqual(
      heldOut()
        .map((e) => ({ text: e.text, like: near.of(e.text) }))
        .filter((e) => e.like),
      [],
    );
  });

  it('finds near-duplicates: the words in another order, one word changed, added or left out', () => {
    const near = new NearDuplicates(['reset the password of julie please']);
    for (const text of [
      'please reset the password of julie',
      'reset the password of paul please',
      'reset the password of julie',
      'reset the password of julie right now please',
    ])
      assert.ok(near.of(text) || text.includes('right now'), text);
    assert.equal(near.of('reset the password of julie right now please'), undefined, 'two words more is another sentence');
    assert.equal(near.of('how do I change my own password'), undefined);
  });

  it('keeps each held-out sentence in one set only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of HELD_OUT_SETS)
      for (const e of loadEvaluationSet(projectPath('nlu', file))) {
        const key = normalise(e.text);
        if (seen.has(key) && seen.get(key) !== file) twice.push(`${e.text} (${seen.get(key)}, ${file})`);
        seen.set(key, file);
      }
    assert.deepEqual(twice, []);
  });

  it('the evaluation set has at least 300 utterances, French, English, mixed and out of domain', () => {
    const set = loadEvaluationSet();
    assert.ok(set.length >= 300);
    for (const language of ['fr', 'en', 'mix'] as const) assert.ok(set.some((e) => e.language === language));
    assert.ok(set.filter((e) => e.intent === 'none').length >= 40);
  });

  // The floors follow the held-out figures that `npm run bench:nlu` prints (the model is deterministic: no flakiness):
  // the accuracy, and the share of out-of-domain requests rejected (the fifth set has four: one or two are taken for a request for help, from one training to the next).
  const floors: Record<(typeof HELD_OUT_SETS)[number], { accuracy: number; outOfDomain: number }> = {
    'evaluation.tsv': { accuracy: 0.97, outOfDomain: 0.8 },
    'heldout2.tsv': { accuracy: 0.96, outOfDomain: 0.8 },
    'heldout3.tsv': { accuracy: 0.9, outOfDomain: 0.8 },
    'heldout4.tsv': { accuracy: 0.9, outOfDomain: 0.8 },
    'heldout5.tsv': { accuracy: 0.9, outOfDomain: 0.75 },
    'heldout6.tsv': { accuracy: 0.95, outOfDomain: 0.75 },
    'heldout7.tsv': { accuracy: 0.93, outOfDomain: 0.66 },
    'heldout8.tsv': { accuracy: 0.93, outOfDomain: 0.8 },
  };
  for (const file of HELD_OUT_SETS) {
    const floor = floors[file];
    it(`keeps its accuracy on the held-out set ${file} at ${floor.accuracy * 100} % at least, and rejects ${floor.outOfDomain * 100} % of its out-of-domain requests`, async () => {
      const pairs = [];
      for (const item of loadEvaluationSet(projectPath('nlu', file)))
        pairs.push({ text: item.text, expected: item.intent, got: (await recognizer.recognize(item.text)).intent });
      const { accuracy, recall } = score(pairs);
      assert.ok(accuracy >= floor.accuracy, `accuracy ${accuracy}`);
      assert.ok(recall.none >= floor.outOfDomain, `out of domain rejected: ${recall.none}`);
    });
  }

  const routes: [string, string][] = [
    ['Il reste combien de licences Business Standard ?', 'license.list'],
    ['affecte une licence Business Standard à julie.roux@lumiere-fils.fr', 'license.assign'],
    ['retire la licence E3 de Pauline', 'license.remove'],
    ['passe Paul de E3 à E5', 'license.change'],
    ["j'ai oublié mon mot de passe", 'password.reset'],
    ['je veux changer mon mot de passe', 'password.change'],
    ['crée un administrateur des licences pour Nadia', 'admin.create'],
    ['quels rôles a Sophie ?', 'admin.roles'],
    ['Outlook ne marche plus depuis ce matin', 'incident.declare'],
    ['où en est mon ticket 12 ?', 'incident.status'],
    // A numbered incident exists already: followed, never declared again.
    ['where are we with INC-000003', 'incident.status'],
    ["le ticket 12 n'est toujours pas réglé", 'incident.status'],
    ["est-ce qu'Exchange est en panne ?", 'service.health'],
    ['utiliser mon domaine avec les boîtes mail', 'domain.setup'],
    ['configurer Outlook sur mon iPhone', 'mail.setup'],
    ['contacter le support', 'support.contact'],
    ['aide', 'help'],
    ['annuler', 'cancel'],
    ['commande une pizza', 'none'],
    ['au secours', 'none'],
    // a password that no longer « passe » is refused, not changed
    ['mon mot de passe ne passe plus depuis ce matin', 'password.reset'],
    // being able to manage something is a role
    ['il faudrait que Sophie puisse gérer les licences elle aussi', 'admin.create'],
    ["t'es qui toi ?", 'help'],
    ['can somebody give me a call please', 'support.contact'],
    ['can I talk to someone about our subscription', 'support.contact'],
    // a full mailbox is a trouble, not a set-up
    ['ma boîte mail est saturée', 'incident.declare'],
    ["my mailbox is full and I can't receive anything", 'incident.declare'],
    ["spf dkim dmarc c'est quoi", 'domain.setup'],
    ['is there a planned maintenance this weekend?', 'service.health'],
    // a suspected attack is an incident; two plans compared are the plans
    ['I think I clicked on a phishing link', 'incident.declare'],
    ["what's the difference between business basic and standard", 'license.list'],
  ];
  for (const [text, intent] of routes) {
    it(`understands « ${text} » as ${intent}`, async () => {
      assert.equal((await recognizer.recognize(text)).intent, intent);
    });
  }

  it('takes everyday words for nothing to do, not for a cancel or a call for help: a cancel guessed wrong throws a request away', async () => {
    for (const text of ["j'ai sommeil", 'I love pizza', 'je pars en week-end', 'my dog is sick'])
      assert.equal((await recognizer.recognize(text)).intent, 'none', text);
    for (const text of ['laisse tomber', 'forget it']) assert.equal((await recognizer.recognize(text)).intent, 'cancel', text);
  });

  it('reads the ideas of a request whatever its words: "pull her seat" and « récupère sa licence » both remove a licence', () => {
    assert.deepEqual(conceptsOf(normalise('pull her seat')), ['licence', 'remove']);
    assert.deepEqual(conceptsOf(normalise('récupère sa licence')), ['licence', 'remove']);
    assert.deepEqual(conceptsOf(normalise('bump Chloé up to Business Premium')), ['licence', 'change']);
    assert.deepEqual(conceptsOf(normalise('commande une pizza')), []);
    assert.deepEqual(conceptsOf(normalise('the authenticator app stopped working')), ['broken'], 'stopped working is no « stop »');
    assert.deepEqual(conceptsOf(normalise('vérifie atelier-lumiere.fr')), ['domain'], 'a domain name is a domain, whatever the verb');
    assert.deepEqual(conceptsOf(normalise('on a assez de sièges ?')), ['licence', 'inventory'], 'enough is a count');
    assert.deepEqual(conceptsOf(normalise('set aside a licence for the replacement')), ['licence', 'give'], 'a replacement is a person, no change');
    assert.deepEqual(conceptsOf(normalise('how many unassigned licences')), ['licence', 'inventory', 'question'], 'unassigned is a count, no removal');
    assert.deepEqual(conceptsOf(normalise('give Thomas a new password')), ['give', 'create', 'password', 'reset'], 'a new password is a reset');
    assert.deepEqual(conceptsOf(normalise('on veut des adresses en @notresociete.fr')), ['domain'], 'an address domain after a space');
    assert.deepEqual(conceptsOf(normalise('état de santé de SharePoint')), ['service', 'state']);
    assert.deepEqual(conceptsOf(normalise("la stagiaire n'a toujours pas d'Outlook")), ['lack', 'service', 'mail'], 'what someone lacks');
    assert.deepEqual(conceptsOf(normalise('combien de sièges ?')), ['licence', 'inventory', 'question'], 'a question, by its first word');
    assert.deepEqual(conceptsOf(normalise('redonne sa licence à Julien')), ['licence', 'give'], 'giving back is giving');
    assert.deepEqual(conceptsOf(normalise('mon mot de passe ne passe plus')), ['password', 'broken'], 'what no longer « passe » is broken, no change');
    assert.deepEqual(conceptsOf(normalise("j'ai oublié le code de ma session")), ['password', 'forgot'], 'a code forgotten is a password');
    assert.deepEqual(conceptsOf(normalise('can you give me a call')), ['contact'], 'a call given is no licence given');
    assert.deepEqual(conceptsOf(normalise("the calendar isn't updating")), ['broken', 'service'], 'what does not update is broken');
    assert.deepEqual(conceptsOf(normalise("l'agenda de l'équipe n'affiche plus rien")), ['broken', 'service'], 'the team is no equipping');
  });

  it('puts back the apostrophes a phone leaves out as a space (« j ai », « d admin », "don t")', () => {
    assert.equal(normalise('j ai oublié mon mdp aujourd hui'), "j'ai oublie mon motdepasse aujourd'hui");
    assert.equal(normalise('quels droits d admin a julie'), "quels droits d'admin a julie");
    assert.equal(normalise('I don t remember'), 'i not remember');
    assert.equal(normalise('la licence de Hugo'), 'la licence de hugo', 'a word of its own is left alone');
    assert.equal(normalise('quelqu un de l informatique'), "quelqu'un de l'support", 'the IT department is the helpdesk');
    assert.equal(normalise('could someone from IT ring me back'), 'could someone from support ring me back');
  });

  it('reads French and English as texted (« chuis », « ya », « tjrs », « limprimante », "gimme", "idk")', () => {
    assert.equal(normalise('chuis bloqué ya un pb avec limprimante'), "je suis bloque il y a un probleme avec l'imprimante");
    assert.equal(normalise('tjrs rien pr mon ticket'), 'toujours rien pour mon ticket');
    assert.equal(normalise('gimme a seat idk'), 'give me a licence i not know');
    assert.equal(normalise('ma licence en mai'), 'ma licence en mai', 'a word that only looks glued is left alone');
  });

  it('reads the request words people mistype as the words they meant (« lisence », "remvoe", "pasword", « atribue »)', () => {
    assert.equal(normalise('asign a lisence to paul fontane'), 'assign a licence to paul fontane');
    assert.equal(normalise('remvoe julies liscence'), 'remove julies licence');
    assert.equal(normalise('resset pasword for lea'), 'reset password for lea');
    assert.equal(normalise('atribue une licence'), 'attribue une licence');
    assert.equal(normalise('Martin a un problème'), 'martin a un probleme', 'a name one letter from a word is left alone');
  });

  it('understands a verb for a licence it was never taught, by what it means', async () => {
    // "withdraw" and « provisionner » are in no phrase people wrote (nlu/corpus.json): the concepts read them.
    assert.equal((await recognizer.recognize("withdraw Julie's E3 license")).intent, 'license.remove');
    assert.equal((await recognizer.recognize('provisionne une licence E3 pour Hugo')).intent, 'license.assign');
  });

  it('reads a plan named without the word « licence » as a licence request', async () => {
    assert.equal(normalise('combien de Business Premium il reste ?'), 'combien de licence business premium il reste');
    assert.equal(normalise('il reste des licences E5 ?'), 'il reste des licence e5', 'not twice');
    assert.equal(normalise('we need a SharePoint admin'), 'we need a sharepoint admin', 'a role, not a plan');
    assert.equal((await recognizer.recognize('combien reste-t-il de E3 ?')).intent, 'license.list');
    assert.equal((await recognizer.recognize('enlève le E5 de Paul')).intent, 'license.remove');
  });

  it('understands without accents, in capitals and with a typo', async () => {
    assert.equal((await recognizer.recognize('J AI OUBLIE MON MOT DE PASE')).intent, 'password.reset');
    assert.equal((await recognizer.recognize('reinitialise mon mdp stp')).intent, 'password.reset');
  });

  it('offers the likeliest intents when it is unsure', async () => {
    const result = await recognizer.recognize('outlook marche pas');
    assert.ok((result.alternatives ?? []).some((a) => a.intent === 'incident.declare'));
  });

  it('takes a product named alone for a topic, and offers the likeliest requests about it', async () => {
    for (const text of ['outlook', 'Teams ?', 'outlook et teams', "c'est au sujet d'outlook", "it's about Teams"]) {
      const result = await recognizer.recognize(text);
      assert.equal(result.intent, 'none', text);
      assert.ok(
        (result.alternatives ?? []).some((a) => a.intent === 'incident.declare'),
        text,
      );
    }
    assert.equal((await recognizer.recognize('outlook marche pas')).intent, 'incident.declare');
  });

  it('treats an empty message as none', async () => {
    assert.equal((await recognizer.recognize('   ')).intent, 'none');
  });

  it('answers `npm run --silent nlu` one JSON line per input line', () => {
    const result = spawnSync(process.execPath, [projectPath('dist', 'scripts', 'nlu.js')], {
      input: 'licences\npasse Paul de E3 à E5\n\ncommande une pizza\n',
      encoding: 'utf8',
      timeout: 30000,
    });
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 4);
    assert.deepEqual(Object.keys(lines[1]), ['text', 'intent', 'score', 'entities']);
    assert.equal(lines[0].intent, 'license.list');
    assert.equal(lines[1].intent, 'license.change');
    assert.deepEqual(lines[1].entities, [
      { type: 'sku', value: 'ENTERPRISEPACK' },
      { type: 'sku', value: 'ENTERPRISEPREMIUM' },
    ]);
    assert.equal(lines[2].intent, 'none');
    assert.equal(lines[3].intent, 'none');
  });
});

describe('A recognizer that remembers', () => {
  it('asks the model once for the same words, and gives each caller a copy of its own', async () => {
    let asked = 0;
    const model = {
      recognize: async (text: string) => {
        asked++;
        return { text, intent: 'help' as const, score: 1, entities: [{ type: 'service' as const, value: 'Microsoft Teams' }] };
      },
    };
    const remembering = new RememberingRecognizer(model);
    const first = await remembering.recognize('aide');
    first.entities.push({ type: 'sku', value: 'SPB' });
    const second = await remembering.recognize('aide');
    assert.equal(asked, 1);
    assert.deepEqual(second.entities, [{ type: 'service', value: 'Microsoft Teams' }]);
    await remembering.recognize('licences');
    assert.equal(asked, 2);
  });
});
