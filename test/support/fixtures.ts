import { loadSeed } from '../../demo/server';

/** Facts of the seeded demo tenant that tests rely on, read from the seed rather than repeated. */
export const seed = loadSeed();
export const TENANT_ID = seed.organization.id;

export function seededUser(upn: string) {
  const user = seed.users.find((u) => u.userPrincipalName === upn);
  if (!user) throw new Error(`No seeded user ${upn}`);
  return user;
}

export const ADMIN = seededUser('camille.martin@lumiere-fils.fr'); // Global Administrator
export const ORDINARY = seededUser('lea.petit@lumiere-fils.fr'); // no role
export const NO_USAGE_LOCATION = seededUser('hugo.lambert@lumiere-fils.fr');
export const GROUP_LICENSED = seededUser('antoine.mercier@lumiere-fils.fr'); // Business Standard from "Équipe Commerciale"

export const SKU = {
  basic: '3b555118-da6a-4418-894f-7df1e2096870',
  standard: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3',
  premium: 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', // full: 5 of 5
  e3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  e5: 'c7df2760-2c81-4ef7-b578-5b5392b571df',
};

export const ROLE = {
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  licenseAdmin: '4d6ac14f-3453-41d0-bef9-a3e0c569773a',
  helpdeskAdmin: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
};
