/** A zero-width space: invisible, and enough to break a markdown construct in two. */
const ZWSP = '\u200B';

/**
 * Text someone typed (an incident's description, a comment, a refusal's reason), made safe to show
 * to others in a card or a message, where Teams renders markdown: a link whose words hide where it
 * goes (« [Réinitialisez ici](https://…) ») or an autolink would come from the bot itself. The
 * address stays visible as typed; only the link syntax is broken, invisibly.
 */
export function typedText(text: string): string {
  return text.replace(/\](?=\s*[(:])/g, `]${ZWSP}`).replace(/<(?=[a-z][a-z0-9+.-]*:)/gi, `<${ZWSP}`);
}
