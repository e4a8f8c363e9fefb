import { randomUUID } from 'node:crypto';
import { ADMIN, TENANT_ID } from './fixtures';

type Kind = 'personal' | 'channel' | 'groupChat';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What Teams' own clients add to a typed message: the same text as HTML in an attachment, and the
 * client's locale, country, platform and time zone in a clientInfo entity.
 */
function asTeamsClientsSendIt(fields: Record<string, unknown>): Record<string, unknown> {
  const typed = (fields.type ?? 'message') === 'message' && typeof fields.text === 'string' && fields.text !== '' && !fields.value;
  if (!typed || 'attachments' in fields) return {};
  return {
    textFormat: 'plain',
    attachments: [{ contentType: 'text/html', content: `<p>${escapeHtml(fields.text as string)}</p>` }],
    entities: [{ type: 'clientInfo', locale: (fields.locale as string | undefined) ?? 'fr-FR', country: 'FR', platform: 'Web', timezone: 'Europe/Paris' }],
  };
}

/** A Teams-shaped activity, as Teams (or the Agents Playground) posts it to /api/messages. */
export function teamsActivity(serviceUrl: string, fields: Record<string, unknown> = {}, kind: Kind = 'personal'): Record<string, unknown> {
  const tenant = (fields.tenantId as string | undefined) ?? TENANT_ID;
  const { tenantId: _t, ...rest } = fields;
  return {
    ...asTeamsClientsSendIt(fields),
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    locale: 'fr-FR',
    from: { id: '29:user-camille', name: 'Camille Martin', aadObjectId: ADMIN.id },
    recipient: { id: '28:assistant-admin-365', name: 'Assistant Admin 365' },
    conversation: { id: `a:${kind}-${randomUUID()}`, conversationType: kind, tenantId: tenant },
    channelData: {
      tenant: { id: tenant },
      ...(kind === 'channel' ? { channel: { id: '19:support@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } } : {}),
    },
    ...rest,
  };
}

/** A click on an Action.Execute button (Universal Actions), as Teams posts it from a channel: an adaptiveCard/action invoke. */
export function cardActionActivity(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return teamsActivity(
    serviceUrl,
    { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb, data } }, ...fields },
    'channel',
  );
}
