import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { cardAnswerRules } from '../bot/features';
import { CardRenderer } from '../bot/presentation/cardRenderer';
import { CardData, CardName } from '../bot/presentation/cardTypes';
import { Localizer } from '../bot/presentation/i18n';
import { projectPath } from '../bot/host/paths';
import { welcomeCard } from '../bot/presentation/welcome';

/** The official Adaptive Cards 1.5 schema, vendored in test/vendor (what Teams renders). */
function cardValidator() {
  const schema = JSON.parse(readFileSync(projectPath('test', 'vendor', 'schemas', 'adaptive-card-1.5.0.schema.json'), 'utf8'));
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (card: Record<string, unknown>) => {
    const { msteams: _teamsOnly, ...rest } = card; // Teams' own root property is unknown to the schema
    const valid = validate(rest);
    return valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

/** Sample data for each template: one entry per file in cards/, the test fails when a template has none. */
const SAMPLES: { [N in CardName]: CardData[N][] } = {
  welcome: [
    {
      lead: '',
      title: 'Bonjour',
      intro: 'Intro',
      examplesTitle: 'Exemples',
      examples: ['a', 'b'],
      actions: [{ title: 'Licences', action: 'license.list', text: '' }],
    },
    { lead: "Je n'ai pas compris", title: 'Bonjour', intro: 'Intro', examplesTitle: 'Exemples', examples: ['a'], actions: [] },
  ],
  licenseHolders: [
    {
      title: 'Qui a Office 365 E5 ?',
      subtitle: '2 personnes',
      emptyText: 'Personne',
      moreText: '',
      inventoryTitle: 'Toutes les licences',
      people: [
        { name: 'Paul Fontaine', upn: 'paul.fontaine@lumiere-fils.fr', detail: 'Commercial, Ventes' },
        { name: 'Léa Petit', upn: 'lea.petit@lumiere-fils.fr', detail: '' },
      ],
    },
    { title: 'Qui a Office 365 E5 ?', subtitle: '', emptyText: 'Personne', moreText: 'Et 3 autres', inventoryTitle: 'Toutes les licences', people: [] },
  ],
  licenseInventory: [
    {
      title: 'Licences',
      subtitle: '2 abonnements',
      emptyText: 'Aucun',
      refreshTitle: 'Actualiser',
      plans: [
        {
          name: 'Microsoft 365 Business Standard',
          skuPartNumber: 'O365_BUSINESS_PREMIUM',
          assignTitle: 'Attribuer',
          usage: '14 / 20',
          freeText: '6',
          full: false,
          fullText: 'plein',
          warningText: '',
        },
        {
          name: 'Microsoft 365 Business Premium',
          skuPartNumber: 'SPB',
          assignTitle: 'Attribuer',
          usage: '5 / 5',
          freeText: '0',
          full: true,
          fullText: 'plein',
          warningText: '2 unités expirent',
        },
      ],
    },
    { title: 'Licences', subtitle: '0 abonnement', emptyText: 'Aucun abonnement', refreshTitle: 'Actualiser', plans: [] },
  ],
  temporaryPassword: [
    {
      title: 'Mot de passe temporaire de Julie Roux',
      password: 'Xy7#kP2m!Qa9Rt4w',
      text: 'À transmettre',
      hideActions: [{ title: 'Masquer le mot de passe' }],
    },
    { title: 'Mot de passe masqué.', password: '', text: '', hideActions: [] },
  ],
  changePassword: [
    {
      title: 'Changer mon mot de passe',
      currentLabel: 'Actuel',
      newLabel: 'Nouveau',
      confirmLabel: 'Encore',
      rules: '8 caractères',
      submitTitle: 'Changer',
      cancelTitle: 'Annuler',
      nonce: '1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a',
    },
  ],
  notice: [{ text: "Cette demande n'existe plus." }],
  resetOffer: [
    {
      title: 'Mot de passe oublié',
      text: 'Demandez au support',
      actions: [
        { title: 'Demander au support', action: 'password.reset', text: 'request' },
        { title: 'Remis à mon responsable', action: 'password.reset', text: 'request-manager' },
      ],
    },
  ],
  continueInPrivate: [
    {
      title: 'Continuons ici',
      request: '« réinitialise le mot de passe de Léa »',
      action: { title: 'Continuer', action: 'password.reset', text: 'réinitialise le mot de passe de Léa' },
    },
  ],
  pendingRequests: [
    {
      title: 'Demandes en attente',
      subtitle: '1 demande',
      note: '',
      requests: [{ requester: 'Léa Petit (lea.petit@lumiere-fils.fr)', line: 'reçue le 25/11/2026, pas encore remise', delivered: false }],
    },
    { title: 'Demandes en attente', subtitle: 'Aucune', note: 'Aucun canal', requests: [] },
  ],
  incidentForm: [
    {
      title: 'Déclarer un incident',
      intro: 'Quelques précisions',
      serviceLabel: 'Service',
      services: [
        { title: 'Exchange Online', value: 'Exchange Online' },
        { title: 'Autre', value: 'other' },
      ],
      service: 'Exchange Online',
      impactLabel: 'Qui est touché ?',
      impacts: [
        { title: 'Moi seulement', value: 'me' },
        { title: 'Toute l’entreprise', value: 'company' },
      ],
      impact: 'me',
      descriptionLabel: 'Que se passe-t-il ?',
      description: 'Outlook ne marche plus',
      sinceLabel: 'Depuis quand ?',
      since: 'depuis ce matin',
      phoneLabel: 'Téléphone',
      phone: '',
      submitTitle: 'Déclarer',
      cancelTitle: 'Annuler',
      nonce: '0b1d9c1e-5f43-4a55-9a53-0d7b8c1e2f3a',
      asker: 'user-1',
      askerName: 'Léa Petit',
    },
  ],
  incident: [
    {
      title: 'INC-000001 · Exchange Online',
      stateText: 'Nouveau',
      stateColor: 'Attention',
      description: 'Outlook ne marche plus',
      facts: [{ title: 'Demandeur', value: 'Léa Petit' }],
      resolution: '',
      historyTitle: 'Historique',
      history: [{ line: '25/11 10:00 — déclaré par Léa Petit' }],
      note: '',
      number: '1',
      canTake: true,
      takeTitle: 'Prendre en charge',
      canComment: true,
      commentTitle: 'Commenter',
      commentLabel: 'Votre commentaire',
      sendTitle: 'Envoyer',
      commentVerb: 'incidentComment',
      canResolve: true,
      resolveTitle: 'Résoudre',
      resolutionLabel: 'Ce qui a été fait',
      canClose: false,
      closeTitle: 'Clore',
    },
    {
      title: 'INC-000001 · Exchange Online',
      stateText: 'Résolu',
      stateColor: 'Good',
      description: 'Outlook ne marche plus',
      facts: [],
      resolution: 'Profil recréé',
      historyTitle: 'Historique',
      history: [],
      note: 'Cet incident est déjà résolu',
      number: '1',
      canTake: false,
      takeTitle: 'Prendre en charge',
      canComment: false,
      commentTitle: 'Commenter',
      commentLabel: 'Votre commentaire',
      sendTitle: 'Envoyer',
      commentVerb: 'incidentAddComment',
      canResolve: false,
      resolveTitle: 'Résoudre',
      resolutionLabel: 'Ce qui a été fait',
      canClose: false,
      closeTitle: 'Clore',
    },
  ],
  incidentList: [
    {
      title: 'Mes incidents',
      summary: '1 incident',
      items: [{ label: 'INC-000001', heading: 'INC-000001 · Exchange Online', stateText: 'Nouveau', stateColor: 'Attention', detail: 'Léa Petit · hier' }],
      actions: [{ title: 'Déclarer un incident', action: 'incident.declare', text: '' }],
    },
    { title: 'Incidents ouverts', summary: 'Aucun', items: [], actions: [] },
  ],
  possibleOutage: [{ title: 'Panne possible : Microsoft Teams', text: '3 incidents', incidents: [{ line: 'INC-000001 — Léa Petit' }] }],
  resetRequest: [
    {
      title: 'Demande de réinitialisation',
      fromLabel: 'De',
      requester: 'Léa Petit (lea.petit@lumiere-fils.fr)',
      atLabel: 'Reçue le',
      at: '25/11/2026 15:00',
      deliverLabel: 'Remis à',
      deliverTo: 'Camille Martin, son responsable',
      status: 'En attente',
      statusColor: 'Default',
      pending: true,
      reasonLabel: 'Motif',
      actions: [
        { title: 'Approuver', verb: 'resetApprove', style: 'positive', requestId: 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f' },
        { title: 'Refuser', verb: 'resetRefuse', style: 'destructive', requestId: 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f' },
      ],
    },
    {
      title: 'Demande',
      fromLabel: 'De',
      requester: 'Léa',
      atLabel: 'Reçue',
      at: 'x',
      deliverLabel: 'Remis à',
      deliverTo: 'elle-même',
      status: 'Approuvée par Julien',
      statusColor: 'Good',
      pending: false,
      reasonLabel: 'Motif',
      actions: [],
    },
  ],
  auditLog: [
    {
      title: "Journal d'audit",
      subtitle: '1 opération',
      emptyText: 'Aucune',
      entries: [{ operation: 'Attribution de licence', line: 'Camille → julie', details: 'sku=SPB', outcome: 'réussi', ok: true, when: '25/11/2026 15:00' }],
    },
    { title: "Journal d'audit", subtitle: '0 opération', emptyText: 'Aucune', entries: [] },
  ],
  bulkReport: [
    {
      title: 'Attribution de Business Basic',
      summary: 'Terminé : 1 réussi, 1 échec',
      failed: 1,
      failedTitle: 'Échec pour',
      failureGroups: [{ reason: "L'utilisateur n'a pas d'emplacement d'utilisation (pays)", people: 'hugo.lambert@lumiere-fils.fr' }],
      succeededTitle: 'Réussi pour',
      succeededList: 'julie.roux@lumiere-fils.fr',
    },
    { title: 'Attribution', summary: 'En cours : 0 sur 2', failed: 0, failedTitle: 'Échec', failureGroups: [], succeededTitle: 'Réussi', succeededList: '' },
  ],
  confirmAction: [
    {
      title: 'Attribuer Business Standard à Julie Roux ?',
      note: "Rien n'est fait avant votre confirmation.",
      confirmTitle: 'Confirmer',
      cancelTitle: 'Annuler',
      token: '6c0e8f9e-3a3b-4f7e-9d55-0f3f1b2c4d5e',
      asker: '0b7c2f44-5d1e-4a8b-9c3d-2e1f0a9b8c7d',
      askerName: 'Camille Martin',
      closed: '',
      facts: [
        { title: 'Utilisateur', value: 'Julie Roux' },
        { title: 'Licence', value: 'Microsoft 365 Business Standard' },
      ],
    },
    {
      title: 'Attribuer Business Standard à Julie Roux ?',
      note: "Rien n'est fait avant votre confirmation.",
      confirmTitle: 'Confirmer',
      cancelTitle: 'Annuler',
      token: '6c0e8f9e-3a3b-4f7e-9d55-0f3f1b2c4d5e',
      asker: '0b7c2f44-5d1e-4a8b-9c3d-2e1f0a9b8c7d',
      askerName: 'Camille Martin',
      closed: 'Confirmé par Camille Martin.',
      facts: [{ title: 'Utilisateur', value: 'Julie Roux' }],
    },
  ],
  serviceHealth: [
    {
      title: 'État des services Microsoft 365',
      summary: 'Microsoft signale un problème sur 1 service :',
      services: [
        {
          name: 'Exchange Online',
          status: 'Service dégradé',
          healthy: false,
          issues: [
            {
              heading: 'EX1062744 — Délais de réception (depuis le 25/11/2026 07:40)',
              impact: 'Les messages externes arrivent avec du retard.',
              latest: 'Dernière mise à jour (25/11/2026 12:15) : retour arrière en cours.',
              linkTitle: "Voir dans le centre d'administration",
              url: 'https://admin.microsoft.com/#/servicehealth/:/alerts/EX1062744',
            },
          ],
        },
      ],
      note: '',
      incidentTitle: 'Déclarer un incident',
    },
    { title: 'État', summary: 'Tout va bien', services: [], note: 'Réservé aux administrateurs', incidentTitle: 'Déclarer un incident' },
  ],
  domains: [
    {
      title: "Domaines de l'organisation",
      summary: 'lumiere-fils.fr est vérifié.',
      domains: [{ name: 'lumiere-fils.fr', status: 'vérifié, par défaut' }],
      recordsTitle: 'Enregistrements à créer',
      records: [{ heading: 'MX — hôte @', value: 'lumiere-fils-fr.mail.protection.outlook.com', details: 'priorité 0 · TTL 3600 s' }],
      note: 'Copiez ces valeurs telles quelles.',
      adminCenterTitle: "Domaines dans le centre d'administration",
    },
    { title: 'Domaines', summary: '3 domaines', domains: [], recordsTitle: '', records: [], note: '', adminCenterTitle: 'Domaines' },
  ],
  knowledgeArticle: [
    {
      lead: 'Pas encore',
      title: 'Configurer Outlook',
      paragraphs: ['1. Installez\n2. Ouvrez', '- **IMAP** : `outlook.office365.com`'],
      relatedTitle: 'Voir aussi',
      related: [{ title: 'Sur un téléphone', id: 'mail.outlookMobile' }],
      links: [{ title: 'Microsoft 365', url: 'https://m365.cloud.microsoft' }],
      next: [{ title: 'Vérifier mon domaine', action: 'domain.setup' }],
      sources: [{ title: 'Ajouter un domaine', url: 'https://learn.microsoft.com/microsoft-365/admin/setup/add-domain' }],
      sourcesText: 'Sources : [Ajouter un domaine](https://learn.microsoft.com/microsoft-365/admin/setup/add-domain). Vérifié le 25 novembre 2026.',
    },
    { lead: '', title: 'Aide', paragraphs: ['Texte'], relatedTitle: 'Voir aussi', related: [], links: [], next: [], sources: [], sourcesText: '' },
  ],
  help: [
    {
      title: 'Ce que je peux faire',
      intro: 'Écrivez',
      note: '',
      sections: [
        { title: 'Avec vos rôles', items: [{ title: 'Licences', example: '« licences »' }] },
        { title: 'Pour tous', items: [{ title: 'Outlook', example: '« outlook »' }] },
      ],
      actions: [{ title: 'Voir les licences', action: 'license.list' }],
    },
    { title: 'Help', intro: 'Write', note: 'No role', sections: [{ title: 'Everyone', items: [{ title: 'Outlook', example: '"outlook"' }] }], actions: [] },
  ],
  fallback: [
    {
      lead: 'Pas sûr',
      choicesTitle: 'Vouliez-vous dire',
      choices: [{ title: 'Déclarer un incident', action: 'incident.declare', text: 'outlook marche pas' }],
      articlesTitle: 'Articles',
      articles: [{ title: 'Configurer Outlook', id: 'mail.outlookDesktop' }],
      nothing: 'Reformulez',
      helpTitle: 'Aide',
    },
    { lead: 'Pas sûr', choicesTitle: 'x', choices: [], articlesTitle: 'y', articles: [], nothing: 'Reformulez', helpTitle: 'Aide' },
  ],
  adminRoles: [
    {
      title: 'Administrateurs',
      subtitle: '2 personnes',
      emptyText: 'Personne',
      people: [{ name: 'Nadia Benali', upn: 'nadia.benali@lumiere-fils.fr', roles: "Administrateur de licences, Administrateur d'utilisateurs" }],
    },
    { title: 'Administrateurs', subtitle: '', emptyText: 'Personne', people: [] },
  ],
  choose: [
    {
      pick: 'user',
      title: '2 personnes',
      label: 'Personne',
      confirmTitle: 'Choisir',
      cancelTitle: 'Annuler',
      nonce: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      asker: '0b7c2f44-5d1e-4a8b-9c3d-2e1f0a9b8c7d',
      askerName: 'Camille Martin',
      choices: [
        { title: 'Julie Roux (julie.roux@lumiere-fils.fr)', value: 'id-1' },
        { title: 'Julien Moreau', value: 'id-2' },
      ],
    },
  ],
};

describe('Adaptive Card templates', () => {
  const cards = new CardRenderer();
  const validate = cardValidator();

  it('each has sample data in this test', () => {
    assert.deepEqual(
      cards.names().filter((n) => !(n in SAMPLES)),
      [],
    );
    assert.deepEqual(
      Object.keys(SAMPLES).filter((n) => !cards.names().includes(n)),
      [],
      'every typed card has its template',
    );
  });

  /** Every sample, each with its card's name (the record's types pair them; the loop cannot see it). */
  const samples = (Object.keys(SAMPLES) as CardName[]).flatMap((name) => (SAMPLES[name] as CardData[CardName][]).map((data) => ({ name, data })));
  const bind = (name: CardName, data: CardData[CardName]) => cards.bind(name, data as never);

  for (const [i, { name, data }] of samples.entries()) {
    it(`${name} (sample ${i + 1}) binds into a valid Adaptive Card 1.5`, () => {
      const card = bind(name, data);
      assert.equal(card.version, '1.5');
      assert.deepEqual(validate(card), []);
      assert.ok(!JSON.stringify(card).includes('${'), 'no unbound template expression is left');
    });
  }

  it('every button of every card sends data that the card-answer checks accept', () => {
    const rules = cardAnswerRules();
    const refused: string[] = [];
    for (const { name, data } of samples) {
      const card = bind(name, data);
      // Each input as the user may leave it: its preset value, or some text.
      const inputs = Object.fromEntries(
        collect(card, 'Input.').map((input) => [input.id as string, typeof input.value === 'string' && input.value ? input.value : 'x']),
      );
      for (const action of collect(card, 'Action.')) {
        if (action.type === 'Action.Submit' && !rules.isValidSubmit({ ...inputs, ...(action.data as object) }))
          refused.push(`${name}: ${JSON.stringify(action.data)}`);
        if (
          action.type === 'Action.Execute' &&
          !rules.validInvoke({ action: { type: 'Action.Execute', verb: action.verb, data: { ...inputs, ...(action.data as object) } } })
        ) {
          refused.push(`${name}: ${String(action.verb)}`);
        }
      }
    }
    assert.deepEqual(refused, []);
  });

  it('binds the same data to the same card twice, each caller getting a card of its own to change', () => {
    const first = cards.bind('notice', { text: 'Bonjour' }) as { body: unknown[] };
    first.body.push({ type: 'TextBlock', text: 'changed by its caller' });
    const second = cards.bind('notice', { text: 'Bonjour' });
    assert.doesNotMatch(JSON.stringify(second), /changed by its caller/);
    assert.match(JSON.stringify(cards.bind('notice', { text: 'Au revoir' })), /Au revoir/);
  });

  it('the validator rejects a card Teams could not render', () => {
    assert.notDeepEqual(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] }), []);
  });

  it('the inventory card flags a full plan and hides the warning otherwise', () => {
    const card = cards.bind('licenseInventory', SAMPLES.licenseInventory[0]) as { body: { style?: string; items?: unknown[] }[] };
    const plans = card.body.filter((b) => b.items);
    assert.equal(plans[0].style, 'default');
    assert.equal(plans[1].style, 'attention');
    assert.ok(!JSON.stringify(plans[0]).includes('plein'));
    assert.ok(JSON.stringify(plans[1]).includes('plein'));
  });

  it('the welcome card is valid in both languages', () => {
    const localizer = new Localizer();
    for (const locale of ['fr', 'en'] as const) {
      assert.deepEqual(validate(welcomeCard(cards, localizer, locale).content), []);
    }
  });
});

/** Every element of a card whose type starts with `prefix` (actions, inputs), wherever it sits. */
function collect(node: unknown, prefix: string): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap((child) => collect(child, prefix));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.type === 'string' && record.type.startsWith(prefix) ? [record] : [];
  return [...own, ...Object.values(record).flatMap((child) => collect(child, prefix))];
}
