import { fold } from './entities';
import { conceptsOf } from './concepts';
import { normalise } from './normalise';

/**
 * Administration the bot does not carry out, though it sounds like what it does: renaming an
 * account, a team's members or channels in Teams, groups and distribution lists, a colleague's
 * phone number or address. Each is recognised by its words, so that it is told where it is done
 * rather than taken for a licence change (« change le nom d'affichage de Paul »), a password reset
 * (« renomme le compte de Julie ») or an incident (« crée un canal Teams »).
 */
export type Elsewhere = 'rename' | 'teams' | 'groups' | 'contactDetails';

const RENAME =
  /\b(renomm\w*|rename\w*|nom d'affichage|display name|(chang\w*|modifi\w*|corrig\w*|update|fix) (le |la |son |sa |ses |the |his |her |their |my |mon |ma )?(nom|prenom|name|first name|last name|surname|nom de famille)( de famille)? (de|d'|of|on|in|for)\b)/;
const TEAMS_CHANGE =
  /\b((cre\w*|create|ajout\w*|add|nouveau|nouvelle|new|ouvr\w*|open) (un |une |a |an )?(nouveau |nouvelle |new )?(teams )?(canal|channel|equipe teams|equipe dans teams|team in teams|teams team)|(ajout\w*|add|met\w*|put|retir\w*|enlev\w*|remove|sort\w*|invit\w*)\b.*\b(a|au|dans|de|du|to|from|in|into) (l'|la |le |the |a |une )?(\S+ )?(equipe|team|canal|channel)\b.*\bteams\b)/;
const GROUPS =
  /\b(listes? de diffusion|distribution (lists?|groups?)|mailing lists?|groupes? (microsoft 365|office 365|de securite|de messagerie)|security groups?|(ajout\w*|add|met\w*|put|retir\w*|enlev\w*|remove|sort\w*)(-moi|-le|-la|-les)?( \S+){0,3} (au groupe|du groupe|dans le groupe|to the group|from the group|to group|in the group))\b/;

/** « quel est le numéro de Julie ? », "what's Paul's email address": a colleague's details (not the helpdesk's: that is support.contact). */
const CONTACT_DETAILS =
  /^(what'?s|what is|quel est|quelle est|c'est quoi|donne-moi|donne moi|give me|find|trouve|cherche|tu as|t'as|do you have|i need)\b.*(\b(numero|telephone|tel|portable|phone|number|mobile|adresse|address|e-?mail|mail) (de |d'|of )(?!(the|la|le|l'|les|notre|our|mon|ma|my|votre|your|ce|cette|this)\b)|\w's (phone|mobile|number|e-?mail|mail|address))/;
const HELPDESK = /\b(support|assistance|helpdesk|help desk|hotline|microsoft|informatique|it|technicien\w*|technician)\b/;

/** What the message asks the bot does not do, if that is what it asks (a licence named is the bot's business: « ajoute une licence au groupe Ventes »). */
export function doneElsewhere(text: string): Elsewhere | undefined {
  const folded = fold(text);
  if (conceptsOf(normalise(text)).includes('licence')) return undefined;
  if (RENAME.test(folded) && !/\b(nom de domaine|domain name)/.test(folded)) return 'rename';
  if (TEAMS_CHANGE.test(folded)) return 'teams';
  if (GROUPS.test(folded)) return 'groups';
  if (CONTACT_DETAILS.test(folded) && !HELPDESK.test(folded)) return 'contactDetails';
  return undefined;
}
