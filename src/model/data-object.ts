// Objects built from config data. V8 keeps a key that reads as an array
// index (the SIP response codes of releaseCauseMapping: "486") in an array
// sized to the largest such key, so one key "486" costs about 6 KB, in every
// copy of every object that has it: tens of MB for a config of thousands of
// interconnects. An object whose elements are a dictionary from the start
// keeps them at their own size. What the object holds, and the order its
// keys are listed in, are the same either way. The same goes for the
// null prototype data objects have (a key `__proto__` is plain data).

/** An index past the gap V8 fills with holes: setting it turns the elements into a dictionary. */
const FAR_INDEX = 2 ** 30;

/** An empty object to copy data with these keys into (null-prototype unless `plain`). */
export function dataObject<T = unknown>(keys: readonly string[], plain = false): Record<string, T> {
  // A literal given a null prototype keeps fast properties, where Object.create(null) starts as a
  // dictionary: about 130 bytes against 480 for an object of eight fields.
  const out: Record<string, T> = plain ? {} : Object.setPrototypeOf({}, null);
  if (keys.some(startsWithDigit)) {
    out[FAR_INDEX] = undefined as T;
    delete out[FAR_INDEX];
  }
  return out;
}

/** Every array index starts with a digit (a key that merely starts with one costs nothing more). */
export function startsWithDigit(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * Set `key` of a copy made into dataObject(keys, true), which has a
 * prototype: assigning `__proto__` there would set the prototype and drop
 * the key, so that one key is defined as data; every other is assigned
 * (defining each cost three times as long over ten thousand documents).
 */
export function setData(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}

/**
 * An empty record keyed by names from the config or the database (a rating
 * plan's name): without a prototype, so every name, `__proto__` too, is a
 * key of its own and none reads as an inherited member (`constructor`).
 */
export function namedRecord<T>(): Record<string, T> {
  return dataObject<T>([]);
}

/** The value a record holds under `key` as its own, not one inherited (a record read from a plan file has a prototype). */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
