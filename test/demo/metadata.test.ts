import assert from 'node:assert/strict';
import { ROUTES } from '../../demo/server';
import { ADMIN, SKU } from '../support/fixtures';
import { GraphMetadata } from '../support/graphMetadata';
import { useDemoTenant } from '../support/demoTenant';

describe('The demo tenant speaks Microsoft Graph v1.0 as its metadata describes it', () => {
  const metadata = new GraphMetadata();
  const { graph, tenant } = useDemoTenant();

  it('serves only routes that exist in Graph v1.0', () => {
    const problems = ROUTES.map((r) => [r.template, metadata.checkRoute(r.template)]).filter(([, problem]) => problem);
    assert.deepEqual(problems, []);
  });

  it('recognises a route Graph does not have, so the check above can fail', () => {
    assert.ok(metadata.checkRoute('/users/{id}/assignLicence'));
    assert.ok(metadata.checkRoute('/licences'));
  });

  it('returns only properties that Graph declares, nested ones included', async () => {
    const domain = 'lumiere-fils.fr';
    const issue = tenant().store.health.issues[0].id;
    const assignment = [...tenant().store.roleAssignments.values()][0].id;
    const group = [...tenant().store.groups.values()][0].id;
    const reads: [string, string][] = [
      ['organization', '/organization'],
      [
        'user',
        `/users?$select=${['id', 'displayName', 'assignedLicenses', 'licenseAssignmentStates', 'usageLocation', 'accountEnabled', 'department', 'assignedPlans', 'proxyAddresses'].join(',')}`,
      ],
      ['user', `/users/${ADMIN.userPrincipalName}`],
      ['licenseDetails', `/users/${ADMIN.id}/licenseDetails`],
      ['subscribedSku', '/subscribedSkus'],
      ['subscribedSku', `/subscribedSkus/${tenant().store.organization.id}_${SKU.basic}`],
      ['group', '/groups'],
      ['group', `/groups/${group}`],
      ['directoryObject', `/groups/${group}/members`],
      ['unifiedRoleDefinition', '/roleManagement/directory/roleDefinitions'],
      ['unifiedRoleAssignment', '/roleManagement/directory/roleAssignments'],
      ['unifiedRoleAssignment', `/roleManagement/directory/roleAssignments/${assignment}`],
      ['serviceHealth', '/admin/serviceAnnouncement/healthOverviews?$expand=issues'],
      ['serviceHealthIssue', '/admin/serviceAnnouncement/issues'],
      ['serviceHealthIssue', `/admin/serviceAnnouncement/issues/${issue}`],
      ['domain', '/domains'],
      ['domain', `/domains/${domain}`],
      ['domainDnsRecord', `/domains/${domain}/verificationDnsRecords`],
      ['domainDnsRecord', `/domains/${domain}/serviceConfigurationRecords`],
    ];
    const problems: string[] = [];
    for (const [type, path] of reads) {
      const answer = await graph()('GET', path);
      assert.equal(answer.status, 200, `${path} answered ${answer.status}`);
      const items = Array.isArray(answer.body.value) ? answer.body.value : [answer.body];
      assert.ok(items.length > 0, `${path} returned nothing to check`);
      problems.push(...metadata.unknownProperties(type, items).map((p) => `${path}: ${p}`));
    }
    assert.deepEqual(problems, []);
  });

  it('flags a property Graph does not declare, so the check above can fail', () => {
    assert.deepEqual(metadata.unknownProperties('user', { id: 'x', password: 'y' }), ['password is not a property of microsoft.graph.user']);
  });
});
