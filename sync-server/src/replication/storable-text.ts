/**
 * Postgres cannot store U+0000 in text or jsonb, nor a lone UTF-16 surrogate in jsonb; a
 * document carrying either would fail the whole push transaction. JSON.stringify writes both
 * as `\u` escapes (a surrogate pair stays literal), so they are found and replaced in the
 * serialised text, which also covers object keys and deep nesting without recursion here.
 * The backslashes before an escape decide whether it is one: an even run is escaped itself.
 */
const UNSTORABLE_ESCAPE = /(\\*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi;

export interface StorableText<T> {
  /** False when something had to be replaced. */
  clean: boolean;
  /** The value with every unstorable character replaced by U+FFFD. */
  value: T;
}

export function makeStorable<T>(value: T): StorableText<T> {
  const json = JSON.stringify(value);
  if (json === undefined) return { clean: true, value };

  let clean = true;
  const replaced = json.replace(UNSTORABLE_ESCAPE, (match: string, backslashes: string) => {
    if (backslashes.length % 2 === 1) return match;
    clean = false;
    return `${backslashes}\\ufffd`;
  });
  return clean ? { clean, value } : { clean, value: JSON.parse(replaced) as T };
}

export function isStorable(value: unknown): boolean {
  return makeStorable(value).clean;
}
