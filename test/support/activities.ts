import { randomUUID } from 'node:crypto';
import { ADMIN, TENANT_ID } from './fixtures';

type Kind = 'personal' | 'channel' | 'groupChat';

/** A Teams-shaped activity, as Teams (or the Agents Playground) posts it to /api/messages. */
export function teamsActivity(serviceUrl: string, fields: Record<string, unknown> = {}, kind: Kind = 'personal'): Record<string, unknown> {
  const tenant = (fields.tenantId as string | undefined) ?? TENANT_ID;
  const { tenantId: _t, ...rest } = fields;
  return {
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
