// Property values of a backup: every Neo4j property type to JSON and back, exactly (ints stay ints, floats floats).
import neo4j, { isInt, type Integer } from 'neo4j-driver';

/**
 * A property value as a backup line holds it. Strings and booleans are themselves; an integer in JavaScript's safe
 * range is a JSON number; everything else is tagged, so nothing is read back as another type:
 * `{"$": "float", "v": 1.5 | "NaN" | "Infinity" | "-Infinity"}`, `{"$": "int", "v": "9007199254740993"}`,
 * `{"$": "date", "v": [y, m, d]}`, `{"$": "localtime", "v": [h, m, s, ns]}`, `{"$": "time", "v": [h, m, s, ns, offset]}`,
 * `{"$": "localdatetime", "v": [y, m, d, h, m, s, ns]}`, `{"$": "datetime", "v": [y, m, d, h, m, s, ns, offset, zoneId]}`
 * (offset or zone id may be null), `{"$": "duration", "v": [months, days, seconds, nanoseconds]}`,
 * `{"$": "point", "v": [srid, x, y] | [srid, x, y, z]}`, `{"$": "bytes", "v": "<base64>"}`; a list is a JSON array of
 * its items so encoded. Integers inside tags are numbers, or decimal strings past 2^53.
 */
export type EncodedValue = string | boolean | number | { $: string; v: unknown } | EncodedValue[];

/** A value in a backup that is not one this format writes. */
export class BackupValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupValueError';
  }
}

type IntLike = number | Integer | bigint;

/** An integer as a JSON number when exact, else its decimal text. */
function intOut(v: IntLike): number | string {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v.inSafeRange() ? v.toNumber() : v.toString();
}

const FLOAT_WORDS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** Encodes one stored property value (never null: Neo4j does not store nulls). */
export function encodeValue(value: unknown): EncodedValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return { $: 'float', v: Number.isFinite(value) ? value : String(value) };
  if (isInt(value)) {
    const out = intOut(value);
    return typeof out === 'number' ? out : { $: 'int', v: out };
  }
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Int8Array)
    return { $: 'bytes', v: Buffer.from(value.buffer, value.byteOffset, value.length).toString('base64') };
  if (neo4j.isDateTime(value))
    return {
      $: 'datetime',
      v: [
        ...[value.year, value.month, value.day, value.hour, value.minute, value.second, value.nanosecond].map(
          intOut,
        ),
        value.timeZoneOffsetSeconds === undefined ? null : intOut(value.timeZoneOffsetSeconds),
        value.timeZoneId ?? null,
      ],
    };
  if (neo4j.isLocalDateTime(value))
    return {
      $: 'localdatetime',
      v: [value.year, value.month, value.day, value.hour, value.minute, value.second, value.nanosecond].map(
        intOut,
      ),
    };
  if (neo4j.isDate(value)) return { $: 'date', v: [value.year, value.month, value.day].map(intOut) };
  if (neo4j.isTime(value))
    return {
      $: 'time',
      v: [value.hour, value.minute, value.second, value.nanosecond, value.timeZoneOffsetSeconds].map(intOut),
    };
  if (neo4j.isLocalTime(value))
    return { $: 'localtime', v: [value.hour, value.minute, value.second, value.nanosecond].map(intOut) };
  if (neo4j.isDuration(value))
    return { $: 'duration', v: [value.months, value.days, value.seconds, value.nanoseconds].map(intOut) };
  if (neo4j.isPoint(value))
    return {
      $: 'point',
      v:
        value.z === undefined
          ? [intOut(value.srid), value.x, value.y]
          : [intOut(value.srid), value.x, value.y, value.z],
    };
  throw new BackupValueError(
    `a property value of an unknown kind (${Object.prototype.toString.call(value)})`,
  );
}

/** Encodes a property map, keys in their stored order. */
export function encodeProps(props: Record<string, unknown>): Record<string, EncodedValue> {
  const out: Record<string, EncodedValue> = {};
  for (const [k, v] of Object.entries(props)) out[k] = encodeValue(v);
  return out;
}

function intIn(v: unknown, what: string): Integer {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
  if (typeof v === 'string' && /^-?\d{1,19}$/.test(v)) {
    const big = BigInt(v);
    if (big >= -(2n ** 63n) && big < 2n ** 63n) return neo4j.int(v);
  }
  throw new BackupValueError(`${what}: expected an integer, got ${JSON.stringify(v)}`);
}

function intsIn(v: unknown, n: number, what: string): Integer[] {
  if (!Array.isArray(v) || v.length !== n)
    throw new BackupValueError(`${what}: expected a list of ${n} integers`);
  return v.map((x) => intIn(x, what));
}

function floatIn(v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v in FLOAT_WORDS) return FLOAT_WORDS[v]!;
  throw new BackupValueError(`${what}: expected a number, NaN, Infinity or -Infinity`);
}

/** Decodes one value as written by encodeValue into what the driver sends as that Neo4j type; throws BackupValueError. */
export function decodeValue(value: unknown, what = 'value'): unknown {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return intIn(value, what);
  if (Array.isArray(value)) return value.map((x) => decodeValue(x, what));
  if (typeof value !== 'object' || value === null)
    throw new BackupValueError(`${what}: expected a string, boolean, number, list or tagged value`);
  const { $: tag, v } = value as { $?: unknown; v?: unknown };
  switch (tag) {
    case 'float':
      return floatIn(v, what);
    case 'int':
      return intIn(v, what);
    case 'bytes':
      if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v))
        throw new BackupValueError(`${what}: expected base64 bytes`);
      return new Int8Array(Buffer.from(v, 'base64'));
    case 'date': {
      const [y, m, d] = intsIn(v, 3, what);
      return new neo4j.types.Date(y!, m!, d!);
    }
    case 'localtime': {
      const [h, mi, s, ns] = intsIn(v, 4, what);
      return new neo4j.types.LocalTime(h!, mi!, s!, ns!);
    }
    case 'time': {
      const [h, mi, s, ns, off] = intsIn(v, 5, what);
      return new neo4j.types.Time(h!, mi!, s!, ns!, off!);
    }
    case 'localdatetime': {
      const [y, mo, d, h, mi, s, ns] = intsIn(v, 7, what);
      return new neo4j.types.LocalDateTime(y!, mo!, d!, h!, mi!, s!, ns!);
    }
    case 'datetime': {
      if (!Array.isArray(v) || v.length !== 9)
        throw new BackupValueError(`${what}: expected a datetime of 9 parts`);
      const [y, mo, d, h, mi, s, ns] = intsIn(v.slice(0, 7), 7, what);
      const offset = v[7] === null ? undefined : intIn(v[7], what);
      const zone = v[8] === null ? undefined : v[8];
      if (zone !== undefined && typeof zone !== 'string')
        throw new BackupValueError(`${what}: expected a time zone id`);
      if (offset === undefined && zone === undefined)
        throw new BackupValueError(`${what}: a datetime needs an offset or a zone`);
      try {
        return new neo4j.types.DateTime(y!, mo!, d!, h!, mi!, s!, ns!, offset, zone);
      } catch (err) {
        throw new BackupValueError(`${what}: ${(err as Error).message}`);
      }
    }
    case 'duration': {
      const [mo, d, s, ns] = intsIn(v, 4, what);
      return new neo4j.types.Duration(mo!, d!, s!, ns!);
    }
    case 'point': {
      if (
        !Array.isArray(v) ||
        (v.length !== 3 && v.length !== 4) ||
        !v.slice(1).every((x) => typeof x === 'number')
      )
        throw new BackupValueError(`${what}: expected a point [srid, x, y] or [srid, x, y, z]`);
      return new neo4j.types.Point(
        intIn(v[0], what),
        v[1] as number,
        v[2] as number,
        v[3] as number | undefined,
      );
    }
    default:
      throw new BackupValueError(`${what}: unknown value tag ${JSON.stringify(tag)}`);
  }
}

/** Decodes a property map; `where` names the record in errors. */
export function decodeProps(props: unknown, where: string): Record<string, unknown> {
  if (typeof props !== 'object' || props === null || Array.isArray(props))
    throw new BackupValueError(`${where}: expected its properties as a JSON object`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = decodeValue(v, `${where}, property "${k}"`);
  return out;
}
