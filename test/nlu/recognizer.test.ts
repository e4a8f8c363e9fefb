import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { loadEvaluationSet, score } from '../../bot/nlu/evaluation';
import { fold } from '../../bot/nlu/entities';
import { loadCorpus, NlpRecognizer } from '../../bot/nlu/nlpRecognizer';
import { projectPath } from '../../bot/host/paths';
import { INTENTS } from '../../bot/nlu/recognizer';

describe('Recognizer (nlp.js, offline)', () => {
  let recognizer: NlpRecognizer;
  before(async () => {
    recognizer = await NlpRecognizer.train();
  });

  it('is trained on every intent of DESIGN.md, in both languages', () => {
    const corpus = loadCorpus();
    assert.deepEqual(Object.keys(corpus).sort(), [...INTENTS].sort());
    for (const [intent, phrases] of Object.entries(corpus)) {
      assert.ok(phrases.fr.length >= 5 && phrases.en.length >= 5, `${intent} needs phrases in both languages`);
    }
  });

  it('is never trained on the evaluation set', () => {
    const training = new Set(
      Object.values(loadCorpus())
        .flatMap((p) => [...p.fr, ...p.en])
        .map((t) => fold(t).trim()),
    );
    const leaked = loadEvaluationSet().filter((e) => training.has(fold(e.text).trim()));
    assert.deepEqual(leaked, []);
  });

  it('the evaluation set has at least 300 utterances, French, English, mixed and out of domain', () => {
    const set = loadEvaluationSet();
    assert.ok(set.length >= 300);
    for (const language of ['fr', 'en', 'mix'] as const) assert.ok(set.some((e) => e.language === language));
    assert.ok(set.filter((e) => e.intent === 'none').length >= 40);
  });

  it('keeps its accuracy on the evaluation set above a floor (npm run bench:nlu prints the figure)', async () => {
    const pairs = [];
    for (const item of loadEvaluationSet()) pairs.push({ text: item.text, expected: item.intent, got: (await recognizer.recognize(item.text)).intent });
    const { accuracy, macroF1 } = score(pairs);
    assert.ok(accuracy >= 0.93, `accuracy ${accuracy}`);
    assert.ok(macroF1 >= 0.92, `macro-F1 ${macroF1}`);
  });

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
    ["est-ce qu'Exchange est en panne ?", 'service.health'],
    ['utiliser mon domaine avec les boîtes mail', 'domain.setup'],
    ['configurer Outlook sur mon iPhone', 'mail.setup'],
    ['contacter le support', 'support.contact'],
    ['aide', 'help'],
    ['annuler', 'cancel'],
    ['commande une pizza', 'none'],
    ['au secours', 'none'],
  ];
  for (const [text, intent] of routes) {
    it(`understands « ${text} » as ${intent}`, async () => {
      assert.equal((await recognizer.recognize(text)).intent, intent);
    });
  }

  it('understands without accents, in capitals and with a typo', async () => {
    assert.equal((await recognizer.recognize('J AI OUBLIE MON MOT DE PASE')).intent, 'password.reset');
    assert.equal((await recognizer.recognize('reinitialise mon mdp stp')).intent, 'password.reset');
  });

  it('offers the likeliest intents when it is unsure', async () => {
    const result = await recognizer.recognize('outlook marche pas');
    assert.ok((result.alternatives ?? []).some((a) => a.intent === 'incident.declare'));
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
