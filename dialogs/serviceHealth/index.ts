import type { FeatureDialogs } from '../core/routes';
import { ServiceHealthDialog } from './serviceHealthDialog';

export const serviceHealthDialogs: FeatureDialogs = (s) => ({
  routes: [{ intent: 'service.health', dialog: new ServiceHealthDialog(s.serviceHealth, s.roles, s.cards, s.localizer) }],
});
