/**
 * The shape of a JSON answer: which fields, of which types, in lists and maps merged over their
 * entries. Values are not compared: a fake holds other films than a staging install.
 */
type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export interface Shape {
  kinds: Set<Kind>;
  /** Object fields; `always` when every object seen had the field. */
  fields: Map<string, { shape: Shape; always: boolean }>;
  /** The merged entries of an array. */
  items?: Shape;
  /** The merged values of an object's id-like keys (Uptime Kuma's `heartbeatList: {"12": [...]}`, `uptimeList: {"12_24": 0.99}`). */
  entries?: Shape;
}

const ID_KEY = /^\d+(_\d+)?$/;

export function shapeOf(value: unknown): Shape {
  const shape: Shape = { kinds: new Set(), fields: new Map() };
  if (value === null || value === undefined) shape.kinds.add('null');
  else if (Array.isArray(value)) {
    shape.kinds.add('array');
    shape.items = value.map(shapeOf).reduce<Shape | undefined>((merged, item) => (merged ? merge(merged, item) : item), undefined);
  } else if (typeof value === 'object') {
    shape.kinds.add('object');
    for (const [key, field] of Object.entries(value)) {
      if (ID_KEY.test(key)) shape.entries = shape.entries ? merge(shape.entries, shapeOf(field)) : shapeOf(field);
      else shape.fields.set(key, { shape: shapeOf(field), always: true });
    }
  } else shape.kinds.add(typeof value as Kind);
  return shape;
}

function merge(a: Shape, b: Shape): Shape {
  const fields = new Map<string, { shape: Shape; always: boolean }>();
  for (const name of new Set([...a.fields.keys(), ...b.fields.keys()])) {
    const [left, right] = [a.fields.get(name), b.fields.get(name)];
    // a field only some objects have is optional, as is one any null object lacks
    const bothObjects = a.kinds.has('object') && b.kinds.has('object');
    if (left && right) fields.set(name, { shape: merge(left.shape, right.shape), always: left.always && right.always });
    else fields.set(name, { shape: (left ?? right)!.shape, always: !bothObjects && (left ?? right)!.always });
  }
  return {
    kinds: new Set([...a.kinds, ...b.kinds]),
    fields,
    items: a.items && b.items ? merge(a.items, b.items) : (a.items ?? b.items),
    entries: a.entries && b.entries ? merge(a.entries, b.entries) : (a.entries ?? b.entries),
  };
}

export interface ShapeComparison {
  /** What the recording has and the fake lacks or types otherwise: each one fails the check. */
  differences: string[];
  /** Fields only the fake sends: noted, not failed (the gateway's reliance on them is what the replay checks). */
  extras: string[];
}

/** Compares a fake's answer with the recorded one, field by field, from `at` (a path like `results[].mediaInfo`). */
export function compareShapes(recorded: Shape, fake: Shape, at = 'body'): ShapeComparison {
  const result: ShapeComparison = { differences: [], extras: [] };
  const [recordedKinds, fakeKinds] = [withoutNull(recorded.kinds), withoutNull(fake.kinds)];
  if (recordedKinds.length && fakeKinds.length && !recordedKinds.some((kind) => fakeKinds.includes(kind))) {
    result.differences.push(`${at} is ${recordedKinds.join(' or ')} in the recording, ${fakeKinds.join(' or ')} from the fake`);
    return result;
  }
  const add = (inner: ShapeComparison) => {
    result.differences.push(...inner.differences);
    result.extras.push(...inner.extras);
  };
  if (recorded.kinds.has('object') && fake.kinds.has('object')) {
    for (const [name, field] of recorded.fields) {
      const other = fake.fields.get(name);
      if (other) add(compareShapes(field.shape, other.shape, `${at}.${name}`));
      else if (field.always) result.differences.push(`${at}.${name} is missing from the fake`);
    }
    for (const name of fake.fields.keys()) if (!recorded.fields.has(name)) result.extras.push(`${at}.${name}`);
    if (recorded.entries && fake.entries) add(compareShapes(recorded.entries, fake.entries, `${at}.<id>`));
  }
  if (recorded.items && fake.items) add(compareShapes(recorded.items, fake.items, `${at}[]`));
  return result;
}

function withoutNull(kinds: Set<Kind>): Kind[] {
  return [...kinds].filter((kind) => kind !== 'null').sort();
}
