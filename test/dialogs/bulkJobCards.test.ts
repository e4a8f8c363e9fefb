import assert from 'node:assert/strict';
import type { BulkJob } from '../../bot/features/licences/bulkJobs';
import type { BulkOutcome } from '../../bot/features/licences/bulkLicenses';
import type { PrivateMessenger } from '../../bot/host/proactive';
import * as errors from '../../bot/policy/errors';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { Localizer } from '../../bot/presentation/i18n';
import { BulkJobCards } from '../../dialogs/licences/bulkJobCards';

/** Teams refuses a bot message over 40 KB, counted in UTF-16 (msteams-docs, bots/how-to/format-your-bot-messages.md). */
const TEAMS_LIMIT_UTF16_BYTES = 40 * 1024;
const utf16Bytes = (value: unknown) => JSON.stringify(value).length * 2;

/** A job of `count` people with the longest addresses Entra allows (64 characters before the @), every other one failing, for every reason there is. */
function worstCase(count: number): { job: BulkJob; outcomes: BulkOutcome[] } {
  const reasons = [
    new errors.LicenseUnavailable('no unit left'),
    new errors.UsageLocationMissing('no usage location'),
    new errors.NotFound('gone'),
    new errors.NotAuthorized('denied'),
    new errors.Throttled('throttled'),
    new errors.GraphUnavailable('5xx'),
    new errors.WriteOutcomeUnknown('answer lost'),
    new errors.InvalidRequest(`assigning: ${'Une règle de Microsoft 365 très longue et très détaillée. '.repeat(8)}`),
  ];
  const outcomes = Array.from({ length: count }, (_, i): BulkOutcome => {
    const user = { id: String(i), userPrincipalName: `${'é'.repeat(52)}${String(i).padStart(12, '0')}@filiale-tres-longue-de-lumiere-et-fils.onmicrosoft.com` };
    return i % 2 === 0 ? { user, ok: true } : { user, ok: false, error: reasons[((i - 1) / 2) % reasons.length] };
  });
  const job: BulkJob = {
    id: 'j',
    operation: 'license.assign',
    caller: { id: 'c', name: 'Camille Martin' },
    correlationId: 'corr',
    locale: 'fr',
    plan: { skuId: 's', skuPartNumber: 'SPB', name: 'Microsoft 365 Business Premium' },
    source: 'le service Commercial',
    total: count,
    batches: Math.ceil(count / 20),
    state: 'finished',
    createdAt: '2026-12-08T00:00:00Z',
  };
  return { job, outcomes };
}

describe('The report of a bulk licence job', () => {
  const cards = new BulkJobCards({} as PrivateMessenger, new CardRenderer(), new Localizer());

  it('stays within what Teams delivers for 2,000 people with the longest addresses, half of them failing for every reason', () => {
    const { job, outcomes } = worstCase(2000);
    const card = cards.card(job, outcomes);
    assert.ok(utf16Bytes({ type: 'message', attachments: [card] }) < TEAMS_LIMIT_UTF16_BYTES, `${utf16Bytes(card)} bytes in UTF-16`);
  });

  it('groups the failures by reason, names the first people of each and counts the others', () => {
    const { job, outcomes } = worstCase(2000);
    const text = JSON.stringify(cards.card(job, outcomes));
    assert.match(text, /Terminé : 1000 réussites, 1000 échecs sur 2000\./);
    assert.match(text, /Il ne reste aucune licence disponible dans cet abonnement/);
    assert.match(text, /et 115 autres/, 'each reason: 125 people, 10 named');
    assert.match(text, /et 990 autres/, 'those who got it: 1000, 10 named');
  });

  it('names everyone when there are few', () => {
    const { job, outcomes } = worstCase(4);
    const text = JSON.stringify(cards.card(job, outcomes));
    assert.doesNotMatch(text, /autres?"/);
    assert.match(text, /000000000000@/);
  });
});
