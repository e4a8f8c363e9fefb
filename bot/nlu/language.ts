import type { Locale } from '../presentation/i18n';

/**
 * Which language a message is written in, French or English, from its function words and accents.
 * Short or neutral messages (« licences », "E3", an e-mail address) say nothing: the caller then
 * keeps the user's Teams locale.
 */

const FRENCH = new Set(
  (
    'le la les un une des du de au aux et ou est sont suis je j tu il elle nous vous ils on mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ' +
    'ce cet cette ces qui que quoi quel quelle quels quelles comment combien pourquoi où pas plus ne n y en a à avec pour par sur dans chez ' +
    'stp svp merci bonjour salut oui non peux peut veux voudrais faut il reste encore depuis ce matin aujourd hui moi lui leur d l qu c s m t ' +
    'affecte attribue donne ajoute retire supprime enlève passe crée créer changer réinitialise réinitialiser oublié mot passe mdp marche plus panne aide annuler annule ' +
    'mets mettre met vire virer enlève nomme montre ' +
    'abonnement utilisateur utilisateurs compte administrateur messagerie boîte domaine nouvel nouveau nouvelle arrivant ' +
    // as texted
    'chuis jsuis jpeux jveux ya pr ds tt tjrs pb cest jai jarrive narrive slt bjr stp dsl mtn qd kan koi ke pcq'
  ).split(/\s+/),
);

const ENGLISH = new Set(
  (
    'the a an and or is are am i you he she we they it my your his her our their this that these those who what which how many much why where not no ' +
    'with for by on in at to from of please thanks hello hi yes can could would should want need there left any some do does did have has ' +
    'assign give add remove take change reset forgot password sign locked working down help cancel show list me new hire user users account ' +
    'mailbox domain license subscription seats set up outage crashing ' +
    'its close closed fixed done resolved still yet now today since broken slow issue mine waiting pending open status ' +
    // as texted
    'im ive dont doesnt cant wont isnt pls plz thx u ur idk wanna gonna gimme'
  ).split(/\s+/),
);

export function detectLanguage(text: string): Locale | undefined {
  const lower = text.toLowerCase().replace(/\S+@\S+/g, ' ');
  const words = lower.split(/[^\p{L}]+/u).filter(Boolean);
  let french = 0;
  let english = 0;
  for (const word of words) {
    if (FRENCH.has(word)) french++;
    if (ENGLISH.has(word)) english++;
  }
  if (/[éèêàùçœâîôûë]/.test(lower)) french += 1.5;
  if (/\b\w+'(s|t|m|re|ll|ve|d)\b/.test(lower)) english += 1;
  if (/\b[jlndcsmt]'\p{L}/u.test(lower) || /\bqu'/.test(lower)) french += 1;
  if (french === english) return undefined;
  if (Math.max(french, english) < 1) return undefined;
  return french > english ? 'fr' : 'en';
}

/** Words of the languages people may write in by mistake, none of them French or English (Spanish, German, Italian, Portuguese, Dutch). */
const OTHER = new Set(
  (
    'el los las una del y que por favor puedo mis tu es esta estoy hola gracias ayuda correo contrasena contraseña necesito quiero para con como cuenta ' +
    'der die das ein eine und ich nicht mein meine bitte hilfe kann ist mit fur für wie was passwort danke hallo habe brauche konto ' +
    'il lo gli di che mio mia per aiuto posso sono grazie ciao posta accedere riesco ' +
    'os um uma meu minha ajuda obrigado ola olá senha preciso nao não ' +
    'het een ik niet mijn alsjeblieft hulp wachtwoord bedankt'
  ).split(/\s+/),
);

/**
 * A message written in neither French nor English: another script (Cyrillic, Arabic, Chinese…), or
 * at least two words of another language and more of them than of French or English
 * (« ayuda por favor, no puedo entrar a mi correo »). Names and product names alone say nothing.
 */
export function inAnotherLanguage(text: string): boolean {
  const letters = [...text.replace(/\S+@\S+/g, ' ')].filter((c) => /\p{L}/u.test(c));
  if (letters.length >= 4 && letters.filter((c) => !/\p{Script=Latin}/u.test(c)).length > letters.length / 2) return true;
  const words = text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  const other = words.filter((w) => OTHER.has(w) && !FRENCH.has(w) && !ENGLISH.has(w)).length;
  const french = words.filter((w) => FRENCH.has(w)).length;
  const english = words.filter((w) => ENGLISH.has(w)).length;
  return other >= 2 && other > french && other > english;
}
