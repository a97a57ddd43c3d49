/** Quotes a PostgreSQL identifier; schema names come from configuration, never from users. */
export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid identifier ${name}`);
  return `"${name}"`;
}
