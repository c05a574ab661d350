import fc from 'fast-check';

type Schema = Record<string, any>;

/**
 * A fast-check arbitrary of values valid against a JSON Schema of the contract: the keywords the
 * document's request schemas use (type, enum, const, pattern, lengths, bounds, properties and
 * required, items, uniqueItems, oneOf). Anything else generates any JSON value.
 */
export function validValue(schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.jsonValue();
  if (schema.oneOf) return fc.oneof(...(schema.oneOf as Schema[]).map((branch) => validValue({ ...schema, oneOf: undefined, discriminator: undefined, required: undefined, ...branch })));
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.type)) return fc.oneof(...(schema.type as string[]).map((type) => validValue({ ...schema, type })));
  switch (schema.type) {
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern as string)).filter((text) => text.length >= (schema.minLength ?? 0) && text.length <= (schema.maxLength ?? Infinity));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) }).filter((text) => text.length >= (schema.minLength ?? 0));
    case 'integer':
      return fc.bigInt({ min: BigInt(schema.minimum ?? -Number.MAX_SAFE_INTEGER), max: BigInt(schema.maximum ?? Number.MAX_SAFE_INTEGER) }).map(Number);
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) };
      const items = validValue(schema.items as Schema);
      return schema.uniqueItems ? fc.uniqueArray(items, { ...constraints, selector: (item) => JSON.stringify(item) }) : fc.array(items, constraints);
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const record = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, validValue(property)]));
      return fc.record(record, { requiredKeys: (schema.required ?? []) as string[] });
    }
    default:
      return fc.jsonValue();
  }
}

/** Values a careless or hostile client sends in place of a valid one: wrong types, huge numbers, odd text. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(-1, 0, 1e30, Number.MAX_SAFE_INTEGER + 2, '', '1e30', 'NaN', '../../etc/passwd', "' OR 1=1 --", '<script>'),
);

/** Text for a path or query parameter: printable, sometimes a number far out of bounds. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.~%:/ ?&=#'.split('')), maxLength: 20 }),
  fc.constantFrom('0', '-1', '1e30', '1000000000000000000', '99999999999999999999', 'NaN', '%00', '..'),
);

/** Valid most of the time, hostile otherwise: a fuzzed request keeps to the contract often enough to go deep. */
export const mostlyValid = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostile });
