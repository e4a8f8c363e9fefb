import { TurnContext } from 'botbuilder';
import { allowed, Capability, Operation } from '../../bot/policy/capabilities';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { roleNames } from '../../bot/presentation/errorMessages';
import { AppError } from '../../bot/policy/errors';
import { Localizer } from '../../bot/presentation/i18n';
import { localeOf } from '../../bot/turn/turnSetup';

export interface CallerRoles {
  rolesOf(userId: string): Promise<string[]>;
}

/** How the bot answers an intent today: it does it, it explains how, or not yet. */
export type Coverage = (intent: Operation) => 'done' | 'guide' | 'soon';

/**
 * The help card: what the caller can ask, by the roles they really hold in Entra (read through
 * Graph), each with an example and whether the bot does it or explains it.
 */
export class HelpCard {
  constructor(
    private readonly capabilities: readonly Capability[],
    private readonly roles: CallerRoles,
    private readonly coverage: Coverage,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
  ) {}

  async show(context: TurnContext): Promise<void> {
    const locale = localeOf(context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    let callerRoles: string[] = [];
    let note = '';
    const userId = context.activity.from?.aadObjectId;
    try {
      callerRoles = userId ? await this.roles.rolesOf(userId) : [];
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      note = t('help.rolesUnavailable');
    }
    const item = (c: Capability) => {
      const state = this.coverage(c.intent);
      const asAdmin = c.adminExampleFor?.some((role) => callerRoles.includes(role)) ?? false;
      const example = t(asAdmin ? `help.example.${c.intent}.admin` : `help.example.${c.intent}`);
      return { title: t(`intent.${c.intent}`), example: state === 'done' ? example : `${example} ${t(`help.state.${state}`)}` };
    };
    const everyone = this.capabilities.filter((c) => c.roles === 'everyone');
    const privileged = this.capabilities.filter((c) => c.roles !== 'everyone' && allowed(c, callerRoles));
    if (!note && privileged.length === 0) note = t('help.noRole');
    const sections = [
      ...(privileged.length > 0
        ? [{ title: t('help.forAdmins', { roles: roleNames(callerRoles, locale, this.localizer) }), items: privileged.map(item) }]
        : []),
      { title: t('help.forEveryone'), items: everyone.map(item) },
    ];
    const actions = [...privileged, ...everyone]
      .filter((c) => this.coverage(c.intent) === 'done')
      .slice(0, 5)
      .map((c) => ({ title: t(`intent.${c.intent}`), action: c.intent }));
    await context.sendActivity({
      attachments: [this.cards.attachment('help', { title: t('help.title'), intro: t('help.intro'), note, sections, actions })],
    });
  }
}
