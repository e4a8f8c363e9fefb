import { randomInt } from 'node:crypto';

/**
 * Temporary passwords: cryptographic randomness (crypto.randomInt), 16 characters drawn so that
 * all four classes appear (Entra asks for three of four, 8 to 256 ASCII characters), without the
 * characters people misread (0/O, 1/l/I) or that break when pasted (quotes, backslash, spaces).
 */
const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#$%&*+-=?@_'];

export function temporaryPassword(length = 16): string {
  if (length < 8 || length > 256) throw new Error('A password has 8 to 256 characters');
  const all = CLASSES.join('');
  const chars = CLASSES.map((set) => set[randomInt(set.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
