/**
 * The data each template of cards/ is bound with: one entry a template, named as its file
 * (cards/<feature>/<name>.json). CardRenderer accepts only these names, each with its own data,
 * and a test binds every template with sample data and validates it against the Adaptive Card schema.
 */

type Text = string;
interface Fact {
  title: Text;
  value: Text;
}
/** A button that starts a request (Action.Submit { action, text }). */
interface RequestButton {
  title: Text;
  action: string;
  text: Text;
}
/** Who a card waiting for an answer was offered to (for the notice anyone else's click gets). */
interface OfferedTo {
  asker: string;
  askerName: Text;
}

export interface CardData {
  // core
  welcome: { lead: Text; title: Text; intro: Text; examplesTitle: Text; examples: Text[]; actions: RequestButton[] };
  help: {
    title: Text;
    intro: Text;
    note: Text;
    sections: { title: Text; items: { title: Text; example: Text }[] }[];
    actions: { title: Text; action: string }[];
  };
  fallback: {
    lead: Text;
    choicesTitle: Text;
    choices: RequestButton[];
    articlesTitle: Text;
    articles: { title: Text; id: string }[];
    nothing: Text;
    helpTitle: Text;
  };
  knowledgeArticle: {
    lead: Text;
    title: Text;
    paragraphs: Text[];
    relatedTitle: Text;
    related: { title: Text; id: string }[];
    links: { title: Text; url: string }[];
    next: { title: Text; action: string }[];
    /** The Microsoft pages the facts rest on, as Markdown links, and when they were checked. */
    sources: { title: Text; url: string }[];
    sourcesText: Text;
  };
  notice: { text: Text };
  choose: { pick: string; title: Text; label: Text; choices: Fact[]; confirmTitle: Text; cancelTitle: Text; nonce: string } & OfferedTo;
  /** `closed`: empty while it waits; once answered, what happened (the buttons are gone). */
  confirmAction: { title: Text; facts: Fact[]; note: Text; confirmTitle: Text; cancelTitle: Text; token: string; closed: Text } & OfferedTo;
  // licences
  licenseInventory: {
    title: Text;
    subtitle: Text;
    emptyText: Text;
    refreshTitle: Text;
    plans: { name: Text; skuPartNumber: string; assignTitle: Text; usage: Text; freeText: Text; full: boolean; fullText: Text; warningText: Text }[];
  };
  licenseHolders: {
    title: Text;
    subtitle: Text;
    emptyText: Text;
    moreText: Text;
    inventoryTitle: Text;
    people: { name: Text; upn: string; detail: Text }[];
  };
  bulkReport: {
    title: Text;
    summary: Text;
    failed: number;
    failedTitle: Text;
    /** Failures grouped by reason, each with the first people it struck and how many more. */
    failureGroups: { reason: Text; people: Text }[];
    succeededTitle: Text;
    succeededList: Text;
  };
  // passwords
  temporaryPassword: { title: Text; password: string; text: Text; hideActions: { title: Text }[] };
  changePassword: { title: Text; currentLabel: Text; newLabel: Text; confirmLabel: Text; rules: Text; submitTitle: Text; cancelTitle: Text; nonce: string };
  resetOffer: { title: Text; text: Text; actions: RequestButton[] };
  continueInPrivate: { title: Text; request: Text; action: RequestButton };
  // helpdesk
  resetRequest: {
    title: Text;
    fromLabel: Text;
    requester: Text;
    atLabel: Text;
    at: Text;
    deliverLabel: Text;
    deliverTo: Text;
    status: Text;
    statusColor: 'Default' | 'Good' | 'Attention';
    pending: boolean;
    reasonLabel: Text;
    actions: { title: Text; verb: string; style: 'positive' | 'destructive'; requestId: string }[];
  };
  pendingRequests: { title: Text; subtitle: Text; note: Text; requests: { requester: Text; line: Text; delivered: boolean }[] };
  // incidents
  incidentForm: {
    title: Text;
    intro: Text;
    serviceLabel: Text;
    services: Fact[];
    service: string;
    impactLabel: Text;
    impacts: Fact[];
    impact: string;
    descriptionLabel: Text;
    description: Text;
    sinceLabel: Text;
    since: Text;
    phoneLabel: Text;
    phone: Text;
    submitTitle: Text;
    cancelTitle: Text;
    nonce: string;
  } & OfferedTo;
  /** One incident: for the helpdesk channel (take, comment, resolve) or for its requester (comment, close). */
  incident: {
    title: Text;
    stateText: Text;
    stateColor: 'Default' | 'Accent' | 'Good' | 'Attention' | 'Warning';
    description: Text;
    facts: Fact[];
    resolution: Text;
    historyTitle: Text;
    history: { line: Text }[];
    note: Text;
    /** The incident's number, as the buttons send it. */
    number: string;
    canTake: boolean;
    takeTitle: Text;
    canComment: boolean;
    commentTitle: Text;
    commentLabel: Text;
    sendTitle: Text;
    commentVerb: 'incidentComment' | 'incidentAddComment';
    canResolve: boolean;
    resolveTitle: Text;
    resolutionLabel: Text;
    canClose: boolean;
    closeTitle: Text;
  };
  incidentList: {
    title: Text;
    summary: Text;
    items: { label: string; heading: Text; stateText: Text; stateColor: string; detail: Text }[];
    actions: RequestButton[];
  };
  possibleOutage: { title: Text; text: Text; incidents: { line: Text }[] };
  // admins
  adminRoles: { title: Text; subtitle: Text; emptyText: Text; people: { name: Text; upn: string; roles: Text }[] };
  // service health
  serviceHealth: {
    title: Text;
    summary: Text;
    services: { name: Text; status: Text; healthy: boolean; issues: { heading: Text; impact: Text; latest: Text; linkTitle: Text; url: string }[] }[];
    note: Text;
    incidentTitle: Text;
  };
  // domains
  domains: {
    title: Text;
    summary: Text;
    domains: { name: string; status: Text }[];
    recordsTitle: Text;
    records: { heading: Text; value: string; details: Text }[];
    note: Text;
    adminCenterTitle: Text;
  };
  // audit
  auditLog: { title: Text; subtitle: Text; emptyText: Text; entries: { operation: Text; line: Text; details: Text; outcome: Text; ok: boolean; when: Text }[] };
}

export type CardName = keyof CardData;
