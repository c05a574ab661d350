import type { Envelope } from '@cucumber/messages';

export interface MessageFiles {
  envelopes: Envelope[];
  /** A line that was not a whole message: the run was cut off (a crash, a killed process). */
  torn: boolean;
}

/**
 * Reads Cucumber message files (NDJSON). Several files are the shards of one run: their ids are
 * random per process and could collide, so each file's ids get the file's own prefix.
 */
export function readMessageFiles(texts: string[]): MessageFiles {
  let torn = false;
  const envelopes = texts.flatMap((text, file) =>
    text.split('\n').flatMap((line) => {
      if (line.trim() === '') return [];
      try {
        const envelope = JSON.parse(line) as Envelope;
        return [texts.length > 1 ? remapIds(envelope, (id) => `s${file}-${id}`) : envelope];
      } catch {
        torn = true;
        return [];
      }
    }),
  );
  return { envelopes, torn };
}

/** Fields named `id`, `…Id` or `…Ids` hold message ids (pickleId, astNodeIds, testCaseStartedId…). */
export const ID_FIELD = /^(id|.+Id|.+Ids)$/;

/** The message with every id, and every reference to one, renamed. */
export function remapIds<T>(value: T, rename: (id: string) => string, key = ''): T {
  if (typeof value === 'string') return (ID_FIELD.test(key) ? rename(value) : value) as T;
  if (Array.isArray(value)) return value.map((item) => remapIds(item, rename, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([field, inner]) => [field, remapIds(inner, rename, field)])) as T;
  }
  return value;
}
