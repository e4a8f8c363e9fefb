import { badRequest, notFound } from '../graphError';
import { collection, CollectionOptions, DemoRequest, entity, noContent, requireBody, Route } from '../router';
import { USER_DEFAULT_PROPERTIES, USER_PROPERTIES } from '../tenantStore';

export const USER: CollectionOptions = {
  typeName: 'microsoft.graph.user',
  entitySet: 'users',
  properties: USER_PROPERTIES,
  defaults: USER_DEFAULT_PROPERTIES,
  searchable: ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'mailNickname'],
  pageSize: 100,
  maxTop: 999,
};

const LICENSE_DETAILS: CollectionOptions = {
  typeName: 'microsoft.graph.licenseDetails',
  entitySet: 'users/licenseDetails',
  properties: ['id', 'skuId', 'skuPartNumber', 'servicePlans'],
};

/** The signed-in user of a delegated token: its `oid` claim (the demo tenant does not check signatures). */
function signedInUser(req: DemoRequest) {
  const token = (req.headers['authorization'] ?? '').replace(/^Bearer\s+/i, '');
  const payload = token.split('.')[1];
  let oid: string | undefined;
  try {
    oid = payload ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { oid?: string }).oid : undefined;
  } catch {
    oid = undefined;
  }
  if (!oid) throw badRequest('/me request is only valid with delegated authentication flow.', 'BadRequest');
  return req.store.user(oid);
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    template: '/users',
    handle: (req) =>
      collection(
        req,
        [...req.store.users.values()].map((u) => req.store.userView(u)),
        USER,
      ),
  },
  {
    method: 'POST',
    template: '/users',
    handle: (req) => {
      const user = req.store.createUser(requireBody(req));
      return { ...entity(req, req.store.userView(user), USER), status: 201 };
    },
  },
  {
    method: 'GET',
    template: '/users/{id}',
    handle: (req) => entity(req, req.store.userView(req.store.user(req.params.id)), USER),
  },
  {
    method: 'PATCH',
    template: '/users/{id}',
    handle: (req) => {
      req.store.patchUser(req.store.user(req.params.id), requireBody(req));
      return noContent();
    },
  },
  {
    method: 'POST',
    template: '/users/{id}/assignLicense',
    handle: (req) => {
      const user = req.store.user(req.params.id);
      req.store.assignLicense(user, requireBody(req));
      return entity(req, req.store.userView(user), USER);
    },
  },
  {
    method: 'GET',
    template: '/users/{id}/licenseDetails',
    handle: (req) => collection(req, req.store.licenseDetails(req.store.user(req.params.id)), LICENSE_DETAILS),
  },
  {
    method: 'GET',
    template: '/users/{id}/manager',
    handle: (req) => {
      const user = req.store.user(req.params.id);
      if (!user.managerId) throw notFound('manager');
      return entity(
        req,
        { '@odata.type': '#microsoft.graph.user', ...req.store.userView(req.store.user(user.managerId)) },
        { ...USER, entitySet: 'directoryObjects' },
      );
    },
  },
  {
    method: 'GET',
    template: '/me',
    handle: (req) => entity(req, req.store.userView(signedInUser(req)), USER),
  },
  {
    method: 'POST',
    template: '/me/changePassword',
    handle: (req) => {
      req.store.changePassword(signedInUser(req), requireBody(req));
      return noContent();
    },
  },
];

export const organizationRoutes: Route[] = [
  {
    method: 'GET',
    template: '/organization',
    handle: (req) => collection(req, [organizationView(req)], ORGANIZATION),
  },
  {
    method: 'GET',
    template: '/organization/{id}',
    handle: (req) => {
      const org = organizationView(req);
      if (req.params.id.toLowerCase() !== String(org.id).toLowerCase()) throw notFound(req.params.id);
      return entity(req, org, ORGANIZATION);
    },
  },
  {
    method: 'GET',
    template: '/subscribedSkus',
    handle: (req) => collection(req, req.store.subscribedSkus(), SUBSCRIBED_SKU),
  },
  {
    method: 'GET',
    template: '/subscribedSkus/{id}',
    handle: (req) => {
      const sku = req.store.subscribedSkus().find((s) => String(s.id).toLowerCase() === req.params.id.toLowerCase());
      if (!sku) throw notFound(req.params.id);
      return entity(req, sku, SUBSCRIBED_SKU);
    },
  },
];

const ORGANIZATION: CollectionOptions = {
  typeName: 'microsoft.graph.organization',
  entitySet: 'organization',
  properties: [
    'id',
    'displayName',
    'city',
    'country',
    'countryLetterCode',
    'postalCode',
    'street',
    'preferredLanguage',
    'businessPhones',
    'createdDateTime',
    'tenantType',
    'verifiedDomains',
    'assignedPlans',
  ],
};

const SUBSCRIBED_SKU: CollectionOptions = {
  typeName: 'microsoft.graph.subscribedSku',
  entitySet: 'subscribedSkus',
  properties: ['id', 'accountId', 'accountName', 'skuId', 'skuPartNumber', 'appliesTo', 'capabilityStatus', 'consumedUnits', 'prepaidUnits', 'servicePlans'],
};

function organizationView(req: DemoRequest): Record<string, unknown> {
  const domains = [...req.store.domains.values()].filter((d) => d.isVerified);
  return {
    ...req.store.organization,
    assignedPlans: [],
    verifiedDomains: domains.map((d) => ({
      name: d.id,
      isDefault: d.isDefault,
      isInitial: d.isInitial,
      capabilities: 'Email, OfficeCommunicationsOnline',
      type: 'Managed',
    })),
  };
}
