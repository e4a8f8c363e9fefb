import assert from 'node:assert/strict';
import { ADMIN, ORDINARY, seed } from '../support/fixtures';
import { useDemoTenant } from '../support/demoTenant';

describe('Demo tenant: users', () => {
  const { graph } = useDemoTenant();

  describe('reading', () => {
    it('finds a user by object id and by userPrincipalName', async () => {
      assert.equal((await graph()('GET', `/users/${ADMIN.id}`)).body.userPrincipalName, ADMIN.userPrincipalName);
      assert.equal((await graph()('GET', `/users/${encodeURIComponent(ADMIN.userPrincipalName)}`)).body.id, ADMIN.id);
    });

    it("returns Graph's default properties unless $select asks for more", async () => {
      const plain = (await graph()('GET', `/users/${ADMIN.id}`)).body;
      assert.equal(plain.usageLocation, undefined);
      assert.equal(plain.displayName, 'Camille Martin');
      const selected = (await graph()('GET', `/users/${ADMIN.id}?$select=usageLocation,department`)).body;
      assert.deepEqual(
        Object.keys(selected)
          .filter((k) => !k.startsWith('@'))
          .sort(),
        ['department', 'id', 'usageLocation'],
      );
    });

    it('refuses to $select a property users do not have', async () => {
      const answer = await graph()('GET', '/users?$select=shoeSize');
      assert.equal(answer.status, 400);
      assert.match(answer.body.error.message, /Could not find a property named 'shoeSize'/);
    });

    it('filters with startswith on displayName, userPrincipalName and mail, ignoring case', async () => {
      const names = async (filter: string) =>
        (await graph()('GET', `/users?$filter=${encodeURIComponent(filter)}`)).body.value.map((u: { displayName: string }) => u.displayName).sort();
      assert.deepEqual(await names("startswith(displayName,'jul')"), ['Julie Roux', 'Julien Moreau']);
      assert.deepEqual(await names("startswith(userPrincipalName,'LEA.')"), ['Léa Petit']);
      assert.deepEqual(await names("startswith(mail,'julie.') or displayName eq 'Paul Fontaine'"), ['Julie Roux', 'Paul Fontaine']);
    });

    it('filters on licences with any()', async () => {
      const filter = encodeURIComponent('assignedLicenses/any(x:x/skuId eq cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46)');
      const answer = await graph()('GET', `/users?$filter=${filter}&$select=displayName`);
      assert.equal(answer.body.value.length, 5);
    });

    it('filters on how many licences someone holds only as an advanced query (ConsistencyLevel: eventual and $count=true), as Graph does', async () => {
      const filter = encodeURIComponent('assignedLicenses/$count eq 0 and accountEnabled eq true');
      const refused = await graph()('GET', `/users?$filter=${filter}`);
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'Request_UnsupportedQuery');
      const withoutCount = await graph()('GET', `/users?$filter=${filter}`, undefined, { ConsistencyLevel: 'eventual' });
      assert.equal(withoutCount.status, 400);
      const answer = await graph()('GET', `/users?$filter=${filter}&$count=true&$select=displayName`, undefined, { ConsistencyLevel: 'eventual' });
      assert.deepEqual(
        answer.body.value.map((u: { displayName: string }) => u.displayName),
        ['Hugo Lambert'],
      );
      assert.equal(answer.body['@odata.count'], 1);
    });

    it('answers a malformed filter with 400', async () => {
      const answer = await graph()('GET', `/users?$filter=${encodeURIComponent("startswith(displayName,'ju'")}`);
      assert.equal(answer.status, 400);
    });

    it('requires ConsistencyLevel: eventual for $search, then matches word prefixes', async () => {
      const refused = await graph()('GET', '/users?$search="displayName:moreau"');
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'Request_UnsupportedQuery');
      const found = await graph()('GET', '/users?$search="displayName:moreau"', undefined, { ConsistencyLevel: 'eventual' });
      assert.deepEqual(
        found.body.value.map((u: { displayName: string }) => u.displayName),
        ['Julien Moreau'],
      );
    });

    it('pages with $top and an @odata.nextLink that leads to the rest', async () => {
      const first = await graph()('GET', '/users?$top=10&$select=id');
      assert.equal(first.body.value.length, 10);
      const seen = [...first.body.value];
      let next: string | undefined = first.body['@odata.nextLink'];
      while (next) {
        const page = await graph()('GET', next.replace(/^.*\/v1\.0/, ''));
        seen.push(...page.body.value);
        next = page.body['@odata.nextLink'];
      }
      assert.equal(new Set(seen.map((u) => u.id)).size, seed.users.length);
    });

    it('refuses $top beyond 999', async () => {
      assert.equal((await graph()('GET', '/users?$top=1000')).status, 400);
    });

    it("answers an unknown id with Graph's 404", async () => {
      const answer = await graph()('GET', '/users/nobody@lumiere-fils.fr');
      assert.equal(answer.status, 404);
      assert.equal(answer.body.error.code, 'Request_ResourceNotFound');
    });
  });

  describe('creating and changing', () => {
    const newUser = (upn: string, password = 'Bienvenue-2026!') => ({
      accountEnabled: true,
      displayName: 'Nouvel Arrivant',
      mailNickname: 'nouvel.arrivant',
      userPrincipalName: upn,
      passwordProfile: { password, forceChangePasswordNextSignIn: true },
    });

    it('creates a user on a verified domain', async () => {
      const answer = await graph()('POST', '/users', newUser('nouvel.arrivant@lumiere-fils.fr'));
      assert.equal(answer.status, 201);
      assert.ok(answer.body.id);
      assert.equal((await graph()('GET', `/users/${answer.body.id}`)).status, 200);
    });

    it('refuses a UPN on an unverified domain', async () => {
      const answer = await graph()('POST', '/users', newUser('nouvel.arrivant@lumiere-fils.com'));
      assert.equal(answer.status, 400);
      assert.match(answer.body.error.message, /verified domain/);
    });

    it('refuses a UPN already taken', async () => {
      const answer = await graph()('POST', '/users', newUser(ADMIN.userPrincipalName));
      assert.equal(answer.body.error.message, 'Another object with the same value for property userPrincipalName already exists.');
    });

    it('refuses a user without the required properties', async () => {
      const { mailNickname: _omitted, ...body } = newUser('x@lumiere-fils.fr');
      assert.equal((await graph()('POST', '/users', body)).status, 400);
    });

    for (const weak of ['court1A', 'toutenminuscules', 'SansChiffreNiSymbole', 'Accentué-2026é']) {
      it(`refuses the weak or non-ASCII password "${weak}"`, async () => {
        const answer = await graph()('PATCH', `/users/${ORDINARY.id}`, { passwordProfile: { password: weak, forceChangePasswordNextSignIn: true } });
        assert.equal(answer.status, 400);
        assert.match(answer.body.error.message, /password complexity requirements/);
      });
    }

    it('resets a password that meets the rules, with 204', async () => {
      const answer = await graph()('PATCH', `/users/${ORDINARY.id}`, {
        passwordProfile: { password: 'Nouveau-Depart-42', forceChangePasswordNextSignIn: true },
      });
      assert.equal(answer.status, 204);
    });

    it('refuses a usage location that is not an ISO country code', async () => {
      assert.equal((await graph()('PATCH', `/users/${ORDINARY.id}`, { usageLocation: 'France' })).status, 400);
      assert.equal((await graph()('PATCH', `/users/${ORDINARY.id}`, { usageLocation: 'BE' })).status, 204);
      assert.equal((await graph()('GET', `/users/${ORDINARY.id}?$select=usageLocation`)).body.usageLocation, 'BE');
    });

    it('refuses to patch a read-only or unknown property', async () => {
      assert.equal((await graph()('PATCH', `/users/${ORDINARY.id}`, { createdDateTime: '2020-01-01T00:00:00Z' })).status, 400);
      assert.equal((await graph()('PATCH', `/users/${ORDINARY.id}`, { favouriteColour: 'bleu' })).status, 400);
    });

    it('never returns a password', async () => {
      const answer = await graph()('GET', `/users/${ORDINARY.id}?$select=passwordProfile`);
      assert.equal(answer.body.passwordProfile, null);
    });
  });

  describe("changing one's own password (/me/changePassword)", () => {
    const delegated = (oid: string) => `Bearer x.${Buffer.from(JSON.stringify({ oid })).toString('base64url')}.y`;

    it('checks the current password before accepting the new one', async () => {
      const headers = { Authorization: delegated(ORDINARY.id) };
      const wrong = await graph()('POST', '/me/changePassword', { currentPassword: 'pas-le-bon', newPassword: 'Nouveau-Depart-42' }, headers);
      assert.equal(wrong.status, 403);
      const right = await graph()('POST', '/me/changePassword', { currentPassword: seed.demoPassword, newPassword: 'Nouveau-Depart-42' }, headers);
      assert.equal(right.status, 204);
      const reused = await graph()('POST', '/me/changePassword', { currentPassword: 'Nouveau-Depart-42', newPassword: seed.demoPassword }, headers);
      assert.equal(reused.status, 400, 'a recently used password is refused');
    });

    it('is refused to an application token, as Graph does', async () => {
      const answer = await graph()('POST', '/me/changePassword', { currentPassword: 'a', newPassword: 'b' });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error.message, '/me request is only valid with delegated authentication flow.');
    });
  });
});
