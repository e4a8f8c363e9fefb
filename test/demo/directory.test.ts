import assert from 'node:assert/strict';
import { ORDINARY, ROLE, seededUser, TENANT_ID } from '../support/fixtures';
import { useDemoTenant } from '../support/demoTenant';

describe('Demo tenant: organisation, roles, domains and service health', () => {
  const { graph } = useDemoTenant();

  it('names its tenant id and verified domains in /organization', async () => {
    const [org] = (await graph()('GET', '/organization')).body.value;
    assert.equal(org.id, TENANT_ID);
    assert.deepEqual(org.verifiedDomains.map((d: { name: string }) => d.name).sort(), ['lumiere-fils.fr', 'lumierefils.onmicrosoft.com']);
  });

  describe('directory roles', () => {
    const assignments = async (principalId: string) =>
      (await graph()('GET', `/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent(`principalId eq '${principalId}'`)}`)).body.value;

    it('lists the built-in roles, whose id is their template id', async () => {
      const roles = (await graph()('GET', '/roleManagement/directory/roleDefinitions')).body.value;
      const global = roles.find((r: { displayName: string }) => r.displayName === 'Global Administrator');
      assert.equal(global.id, ROLE.globalAdmin);
      assert.equal(global.templateId, ROLE.globalAdmin);
    });

    it('filters assignments by principal: an admin holds several roles, an ordinary user none', async () => {
      assert.ok((await assignments(seededUser('nadia.benali@lumiere-fils.fr').id)).length >= 2);
      assert.equal((await assignments(ORDINARY.id)).length, 0);
    });

    it('assigns, refuses a duplicate, and removes a role', async () => {
      const body = {
        '@odata.type': '#microsoft.graph.unifiedRoleAssignment',
        roleDefinitionId: ROLE.helpdeskAdmin,
        principalId: ORDINARY.id,
        directoryScopeId: '/',
      };
      const created = await graph()('POST', '/roleManagement/directory/roleAssignments', body);
      assert.equal(created.status, 201);
      const duplicate = await graph()('POST', '/roleManagement/directory/roleAssignments', body);
      assert.equal(duplicate.status, 400);
      assert.equal(duplicate.body.error.message, 'A conflicting object with one or more of the specified property values is present in the directory.');
      assert.equal((await graph()('DELETE', `/roleManagement/directory/roleAssignments/${created.body.id}`)).status, 204);
      assert.equal((await assignments(ORDINARY.id)).length, 0);
      assert.equal((await graph()('DELETE', `/roleManagement/directory/roleAssignments/${created.body.id}`)).status, 404);
    });

    it('refuses an assignment to an unknown role or principal', async () => {
      const base = { roleDefinitionId: ROLE.helpdeskAdmin, principalId: ORDINARY.id, directoryScopeId: '/' };
      assert.equal(
        (await graph()('POST', '/roleManagement/directory/roleAssignments', { ...base, roleDefinitionId: '11111111-1111-1111-1111-111111111111' })).status,
        404,
      );
      assert.equal(
        (await graph()('POST', '/roleManagement/directory/roleAssignments', { ...base, principalId: '11111111-1111-1111-1111-111111111111' })).status,
        404,
      );
    });
  });

  describe('domains', () => {
    it('lists the two custom domains, one verified, one not', async () => {
      const domains = (await graph()('GET', '/domains')).body.value;
      const custom = domains.filter((d: { isInitial: boolean }) => !d.isInitial);
      assert.deepEqual(custom.map((d: { id: string; isVerified: boolean }) => [d.id, d.isVerified]).sort(), [
        ['lumiere-fils.com', false],
        ['lumiere-fils.fr', true],
      ]);
    });

    it('gives the TXT verification record and the mail records to create', async () => {
      const verification = (await graph()('GET', '/domains/lumiere-fils.com/verificationDnsRecords')).body.value;
      assert.match(verification.find((r: { recordType: string }) => r.recordType === 'Txt').text, /^MS=ms\d{8}$/);
      const service = (await graph()('GET', '/domains/lumiere-fils.fr/serviceConfigurationRecords')).body.value;
      assert.equal(service.find((r: { recordType: string }) => r.recordType === 'Mx').mailExchange, 'lumiere-fils-fr.mail.protection.outlook.com');
      assert.equal(service.find((r: { label: string }) => r.label === 'autodiscover.lumiere-fils.fr').canonicalName, 'autodiscover.outlook.com');
      assert.equal(service.find((r: { text?: string }) => r.text?.startsWith('v=spf1')).text, 'v=spf1 include:spf.protection.outlook.com -all');
    });

    it('adds a domain that cannot be verified until its TXT record exists', async () => {
      assert.equal((await graph()('POST', '/domains', { id: 'nouveau-domaine.fr' })).status, 201);
      const refused = await graph()('POST', '/domains/nouveau-domaine.fr/verify');
      assert.equal(refused.status, 400);
      assert.match(refused.body.error.message, /MS=ms\d{8}/);
    });

    it('verifies a domain whose TXT record is published', async () => {
      const verified = await graph()('POST', '/domains/lumiere-fils.com/verify');
      assert.equal(verified.status, 200);
      assert.equal(verified.body.isVerified, true);
    });

    it('refuses a malformed or duplicate domain', async () => {
      assert.equal((await graph()('POST', '/domains', { id: 'pas un domaine' })).status, 400);
      assert.equal((await graph()('POST', '/domains', { id: 'lumiere-fils.fr' })).status, 400);
    });
  });

  describe('service health', () => {
    it('shows live issues under their service with $expand=issues', async () => {
      const overviews = (await graph()('GET', '/admin/serviceAnnouncement/healthOverviews?$expand=issues')).body.value;
      const exchange = overviews.find((o: { id: string }) => o.id === 'Exchange');
      assert.equal(exchange.status, 'serviceDegradation');
      assert.ok(exchange.issues.some((i: { isResolved: boolean }) => !i.isResolved));
      const plain = (await graph()('GET', '/admin/serviceAnnouncement/healthOverviews')).body.value;
      assert.equal(plain[0].issues, undefined);
    });

    it('filters issues that are not resolved', async () => {
      const issues = (await graph()('GET', `/admin/serviceAnnouncement/issues?$filter=${encodeURIComponent('isResolved eq false')}`)).body.value;
      assert.ok(issues.length >= 2);
      assert.ok(issues.every((i: { isResolved: boolean }) => !i.isResolved));
    });
  });
});
