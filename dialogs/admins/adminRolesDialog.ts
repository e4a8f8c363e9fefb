import type { RoleDirectory } from '../../bot/features/directory/directoryRoles';
import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Authorizer } from '../../bot/policy/authorization';
import { CardRenderer } from '../../bot/presentation/cardRenderer';
import { roleNames } from '../../bot/presentation/errorMessages';
import type { Person } from '../../bot/features/directory/directory';
import { Localizer } from '../../bot/presentation/i18n';
import type { Recognition } from '../../bot/nlu/recognizer';
import { capabilityAsked, fold } from '../../bot/nlu/entities';
import { GRANTABLE_ROLES } from '../../bot/features/admins/adminRoles';
import { localeOf } from '../../bot/turn/turnSetup';
import { CancelAndHelpDialog, Interruptions } from '../core/cancelAndHelpDialog';
import { NameFinder, PeopleDirectory, RESOLVE_USER_DIALOG, ResolveUserDialog } from '../core/resolveUserDialog';

export const ADMIN_ROLES_DIALOG = 'adminRolesDialog';

/** « quels rôles peux-tu donner ? », "which roles can you assign?": the roles the bot itself grants. */
const GRANTABLE_ASKED =
  /\b((what|which) (admin )?roles? (can|could|do) you (give|grant|assign|add|manage|remove)|quels? (roles?|droits) (peux|pouvez|sais|savez)[- ]?(tu|vous) (donner|attribuer|accorder|gerer|retirer)|roles? (que )?(tu peux|vous pouvez) (donner|attribuer|accorder)|roles? (you can|you're able to) (give|grant|assign))\b/;

/**
 * « quels rôles a Nadia ? » shows one person's directory roles; « liste des administrateurs » shows
 * everyone holding one; « qui est administrateur général ? », the holders of that role. Read-only; open to the roles that manage roles (the permission table).
 */
export class AdminRolesDialog extends CancelAndHelpDialog {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly roles: RoleDirectory,
    private readonly directory: PeopleDirectory,
    private readonly names: NameFinder,
    private readonly tenantName: () => string,
    private readonly cards: CardRenderer,
    private readonly localizer: Localizer,
    resolveUser: ResolveUserDialog,
    interruptions: Interruptions,
  ) {
    super(ADMIN_ROLES_DIALOG, interruptions);
    this.addDialog(resolveUser);
    this.addDialog(new WaterfallDialog('adminRoles', [this.authorizeStep.bind(this), this.whoStep.bind(this), this.showStep.bind(this)]));
    this.initialDialogId = 'adminRoles';
  }

  private async authorizeStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    await this.authorizer.require('admin.roles', step.context.activity.from?.aadObjectId);
    // « quels rôles peux-tu donner ? », "what roles can you give?": the bot's own list, not who holds what.
    if (GRANTABLE_ASKED.test(fold(step.options.text))) {
      const locale = localeOf(step.context);
      await step.context.sendActivity(this.localizer.t(locale, 'role.grantable', { roles: roleNames(Object.keys(GRANTABLE_ROLES), locale, this.localizer) }));
      return step.endDialog();
    }
    return step.next();
  }

  /** The person asked about, if any: by e-mail, or by the name in the request. */
  private async whoStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const email = step.options.entities.find((e) => e.type === 'email')?.value;
    // « qui peut gérer les licences ? » names what, not whom.
    const words = email || capabilityAsked(step.options.text) ? [] : this.names.in(step.options.text);
    if (!email && words.length === 0) return step.next(undefined);
    return step.beginDialog(RESOLVE_USER_DIALOG, { email, words });
  }

  private async showStep(step: WaterfallStepContext<Recognition>): Promise<DialogTurnResult> {
    const locale = localeOf(step.context);
    const t = (key: string, params = {}) => this.localizer.t(locale, key, params);
    const person = step.result as Person | undefined;
    const row = (p: Person, roles: string[]) => ({
      name: p.displayName,
      upn: p.userPrincipalName,
      roles: roles.length ? roleNames(roles, locale, this.localizer) : t('adminRoles.none', { name: p.displayName }),
    });
    let data;
    if (person) {
      data = {
        title: t('adminRoles.personTitle', { name: person.displayName }),
        subtitle: '',
        people: [row(person, await this.roles.rolesOf(person.id))],
        emptyText: t('adminRoles.empty'),
      };
    } else {
      // « qui est administrateur général ? »: the holders of the roles named, else everyone holding one;
      // « qui peut gérer les licences ? »: the holders of the least-privileged role that can, and the Global Administrators.
      const able = capabilityAsked(step.options.text);
      const asked = able ? [able, 'Global Administrator'] : step.options.entities.filter((e) => e.type === 'role').map((e) => e.value);
      const holders = new Map([...(await this.roles.holders())].filter(([, roles]) => asked.length === 0 || roles.some((r) => asked.includes(r))));
      const people = await Promise.all([...holders.keys()].map((id) => this.directory.person(id)));
      const named = roleNames(asked, locale, this.localizer);
      data = {
        title: able
          ? t('adminRoles.ableTitle', { roles: named })
          : asked.length
            ? t('adminRoles.holdersTitle', { roles: named })
            : t('adminRoles.title', { tenant: this.tenantName() }),
        subtitle: asked.length ? t('adminRoles.holdersCount', { count: people.length }) : t('adminRoles.count', { count: people.length }),
        people: people.sort((a, b) => a.displayName.localeCompare(b.displayName)).map((p) => row(p, holders.get(p.id) ?? [])),
        emptyText: asked.length ? t('adminRoles.holdersEmpty', { roles: named }) : t('adminRoles.empty'),
      };
    }
    await step.context.sendActivity({ attachments: [this.cards.attachment('adminRoles', data)] });
    return step.endDialog();
  }
}
