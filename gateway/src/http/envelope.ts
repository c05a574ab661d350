/** JSON Schema builders for the response envelope of CONTRACT.md, shared by every route. */

export type Schema = Record<string, unknown>;

/** `{success: true, data, meta?}` around the given data schema. */
export function envelope(data: Schema, meta?: Schema): Schema {
  return {
    type: 'object',
    required: ['success', 'data'],
    properties: { success: { type: 'boolean' }, data, ...(meta ? { meta } : {}) },
  };
}

export function object(properties: Record<string, Schema>, required: string[] = Object.keys(properties)): Schema {
  return { type: 'object', additionalProperties: false, required, properties };
}

export const string: Schema = { type: 'string' };
export const integer: Schema = { type: 'integer' };
/** A stored record's id (and a PIN's at plex.tv): bounded, so an id SQLite cannot hold is a 400, not a 500. */
export const recordId: Schema = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER };
/** Every list's page number (CONTRACT.md, "Conventions"). */
export const pageNumber: Schema = { type: 'integer', minimum: 1, maximum: 100_000, default: 1 };
export const number: Schema = { type: 'number' };
export const boolean: Schema = { type: 'boolean' };
export const nullable = (schema: Schema): Schema => ({ ...schema, type: [schema.type as string, 'null'] });
export const arrayOf = (items: Schema): Schema => ({ type: 'array', items });
export const enumOf = (...values: string[]): Schema => ({ type: 'string', enum: values });

/**
 * An answer without a body. A route's completed schema is kept per declaration (route-contract.ts),
 * so its serializer is compiled once per process (compilers.ts); the progress stream's 204 is
 * compiled again for each gateway (0.3 ms).
 */
export const noContent = (description: string): Schema => ({ type: 'null', description });

export const ok = <T>(data: T, meta?: Record<string, unknown>) => (meta ? { success: true as const, data, meta } : { success: true as const, data });
