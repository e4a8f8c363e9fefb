import { fold } from './entities';

/**
 * What a message that asks for nothing may still be: thanks, a goodbye, an acknowledgement, asking who the bot
 * is, being lost, or a « oui » when no question waits (a waiting card takes its own « oui » first).
 */
export type SmallTalk = 'thanks' | 'bye' | 'ok' | 'who' | 'lost' | 'yes';

const THANKS =
  /^(?:(?:ok|okay|super|parfait|top|genial|cool|great|perfect|awesome|nice|d'accord|ca marche|c'est bon|c'est parfait)[\s,!.]*)?(?:merci|mercii+|merci beaucoup|merci bien|merci infiniment|mille mercis|grand merci|thanks|thank you|thank you so much|thanks a lot|many thanks|thx|ty|cheers)(?:[\s,!.]+(?:beaucoup|bien|a toi|a vous|encore|pour (?:ton|votre) aide|pour tout|so much|a lot|again|for (?:your|the) help|mate|bot|assistant))*[\s!.]*$/;
const OK =
  /^(?:ok|okay|okk+|oki|d'accord|dac|ca marche|entendu|parfait|super|top|cool|nickel|great|perfect|got it|noted|understood|alright|all right|fine|good|tres bien|👍)[\s!.]*$/;
const WHO =
  /^(?:(?:bonjour|salut|hello|hi|hey)[\s,!]*)?(?:qui es[- ]tu|t'es qui|tu es qui|qui etes[- ]vous|vous etes qui|c'est quoi ce bot|tu es quoi|who are you|what are you|who is this|what is this bot)[\s?!.]*$/;

/** Saying yes, alone or a few times over (« oui vas-y », "yes do it", "ok go"). */
const YES =
  /^(?:(?:oui|ouais|ouaip|yes|yeah|yep|yup|ok|okay|d'accord|dac|vas-y|vas y|allez-y|allez|go|go ahead|go for it|do it|sure|bien sur|of course|absolument|tout a fait|absolutely|definitely|confirme|je confirme|i confirm|confirm|confirmed|valide|je valide|c'est ok|parfait|let's go|on y va)(?: |$))+$/;
/** Saying no (« non », "nope", « surtout pas »); « non annule » is a cancel, which says no too. */
const NO = /^(?:(?:non|nan|no|nope|nah|surtout pas|pas maintenant|not now|don't|do not|refuse|pas question|no way|certainly not)(?: |$))+$/;

/**
 * A typed answer to a yes-or-no card: 'yes', 'no', or undefined when the message says something
 * else. Politeness and punctuation aside (« oui merci ! », "yes please").
 */
export function typedYesOrNo(text: string): 'yes' | 'no' | undefined {
  const words = fold(text)
    .replace(/[!.?,;]+/g, ' ')
    .replace(/\b(merci|thanks|thank you|svp|stp|please|pls)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words === '') return undefined;
  if (YES.test(words)) return 'yes';
  if (NO.test(words)) return 'no';
  return undefined;
}

const LOST =
  /^(?:(?:bonjour|salut|hello|hi|hey)[\s,!]*)?(?:je suis (?:un peu |completement |totalement )?perdue?|je ne sais pas (?:quoi faire|comment faire|quoi demander|quoi te demander|par ou commencer)|jsp quoi faire|i'?m (?:a bit |completely |totally )?lost|i am (?:a bit )?lost|i don'?t know what to (?:do|ask)|i do not know what to (?:do|ask)|where do i start)[\s?!.]*$|^(?:\?+|hein|quoi|what|huh|euh|hmm+)[\s?!.]*$/;

/** Taking leave (« merci, c'est tout », "that's all, thanks", « bonne journée ! »), thanks and acknowledgements around it. */
const BYE =
  /^(?:(?:c'est tout|c'est tout pour moi|ce sera tout|ca sera tout|rien d'autre|plus rien|that's all|that is all|that's it|that's everything|nothing else|all good|all set|au revoir|a plus|a\+|a bientot|a la prochaine|bonne journee|bonne soiree|bonne fin de journee|bon week-end|bon weekend|bye|bye bye|goodbye|see you|see ya|later|ciao|tchao|have a (?:good|nice|great) (?:day|one|evening|weekend))(?: |$))+$/;
const LEAVE_TAKING_FILLER =
  /\b(?:merci beaucoup|merci bien|merci|thank you|thanks|thx|ty|cheers|ok|okay|super|parfait|top|great|perfect|d'accord|for now|pour l'instant|pour aujourd'hui|for today|pour moi|for me)\b/g;

function isGoodbye(folded: string): boolean {
  const words = folded
    .replace(/[!.,;]+/g, ' ')
    .replace(LEAVE_TAKING_FILLER, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words !== '' && BYE.test(words);
}

/** The small talk a whole message is, if it is nothing else (« merci beaucoup ! », "ok", « qui es-tu ? »). */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const t = fold(text).replace(/\s+/g, ' ').trim();
  if (THANKS.test(t)) return 'thanks';
  if (isGoodbye(t)) return 'bye';
  if (OK.test(t)) return 'ok';
  if (WHO.test(t)) return 'who';
  if (LOST.test(t)) return 'lost';
  if (typedYesOrNo(t) === 'yes') return 'yes';
  return undefined;
}

/** The orders the bot carries out, by their verbs (folded): a write, or a change. */
const WRITE_VERBS =
  '(?:donne|attribue|affecte|retire|enleve|supprime|reinitialise|change|passe|ajoute|cree|touche|nomme|mets|modifie|revoque|bloque)\\w*|' +
  '(?:reset|assign|give|remove|delete|revoke|change|add|create|grant|make|touch|upgrade|downgrade|block|disable)\\b';
const NEGATED_ORDER = new RegExp(
  `^(?:(?:please|stp|svp|surtout|attention)[\\s,]+)?(?:(?:don'?t|do not|never|please don'?t)\\s+(?:${WRITE_VERBS})|(?:ne\\s+|n')(?:${WRITE_VERBS})\\s+(?:\\w+\\s+)?(?:surtout\\s+)?(?:pas|jamais|rien)\\b)`,
);

/**
 * An order given in the negative (« ne donne pas de licence à Paul », "don't reset Julie's
 * password"): nothing is to be done, whatever its words would otherwise start.
 */
export function negatedOrder(text: string): boolean {
  return NEGATED_ORDER.test(fold(text).trim());
}
