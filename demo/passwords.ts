/** Microsoft Entra ID's password rules for cloud accounts: 8–256 ASCII characters, three of four classes. */
export function meetsComplexity(password: unknown): boolean {
  if (typeof password !== 'string') return false;
  if (password.length < 8 || password.length > 256) return false;
  if (!/^[\x20-\x7e]+$/.test(password)) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return classes >= 3;
}

export const COMPLEXITY_MESSAGE = 'The specified password does not comply with password complexity requirements. Please provide a different password.';
