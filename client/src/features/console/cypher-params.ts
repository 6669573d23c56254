// Parses the console's parameters box: a JSON object, checked before anything is sent.

/** The outcome of parsing: the parameters, or a message that names the problem. */
export type ParamsResult = { ok: true; params: Record<string, unknown> } | { ok: false; message: string };

/** Parameter names Cypher accepts as `$name` without backticks. */
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Parses `text` as the query's parameters. Blank text means no parameters.
 * Anything else must be a JSON object whose keys are valid parameter names, e.g. `{"id": "country:uk"}`.
 */
export function parseParams(text: string): ParamsResult {
  if (!text.trim()) return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      message: `Parameters: invalid JSON (${detail}). Expecting an object like {"id": "country:uk"}.`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: `Parameters: expecting a JSON object like {"id": "country:uk"}, got ${kindOf(value)}.`,
    };
  }
  const bad = Object.keys(value).find((key) => !PARAM_NAME.test(key));
  if (bad !== undefined) {
    return {
      ok: false,
      message: `Parameters: invalid name "${bad}". Expecting letters, digits and _ (not starting with a digit).`,
    };
  }
  return { ok: true, params: value as Record<string, unknown> };
}
