// Calls one endpoint of the contract (contract/endpoints.ts) by its key: path parameters, query keys and body are
// typed by the contract, so a renamed or mistyped key is a compile error here rather than a 400 at run time.
import type { EndpointKey, RequestOf, ResponseOf } from '../../../contract';
import { sendJson, type JsonMethod } from './send-json';

/** A contract query as the client passes it: every key optional, lists as (readonly) arrays, numbers as numbers. */
export type ClientQuery<Q> = {
  [K in keyof Q]?: NonNullable<Q[K]> extends (infer U)[] ? readonly U[] : Q[K];
};

/** The body of endpoint `K`'s call: required when the endpoint requires one, optional when optional, else `{}` at most. */
type BodyOf<B> = [B] extends [undefined]
  ? { body?: Record<string, never> }
  : undefined extends B
    ? { body?: NonNullable<B> }
    : { body: B };

/** What a call of endpoint `K` sends: the parts the endpoint takes, and nothing else. */
export type CallOf<K extends EndpointKey> = (RequestOf<K>['params'] extends object
  ? { params: RequestOf<K>['params'] }
  : { params?: never }) &
  (RequestOf<K>['query'] extends object
    ? { query?: ClientQuery<RequestOf<K>['query']> }
    : { query?: never }) &
  BodyOf<RequestOf<K>['body']> & {
    signal?: AbortSignal;
    /** Error statuses whose body is still the endpoint's answer (health's 503). */
    bodyStatuses?: readonly number[];
  };

/** `?key=value&…`: lists comma-separated (an empty list is left out), undefined values left out. */
export function queryString(query: Record<string, unknown> = {}): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length) qs.set(key, value.join(','));
    } else {
      qs.set(key, String(value));
    }
  }
  const text = qs.toString();
  return text ? `?${text}` : '';
}

/** The URL of endpoint `key` under `base`, its `:name` parameters filled in (encoded). */
export function endpointUrl(base: string, key: EndpointKey, params: object = {}, query?: object): string {
  const path = key
    .slice(key.indexOf(' ') + 1)
    .replace(/:([A-Za-z]+)/g, (_m, name: string) =>
      encodeURIComponent(String((params as Record<string, unknown>)[name])),
    );
  return `${base}${path}${queryString(query as Record<string, unknown> | undefined)}`;
}

/** Sends endpoint `key` with `call`'s parts and resolves to its answer; failures are ApiErrors (see sendJson). */
export function callEndpoint<K extends EndpointKey>(
  base: string,
  key: K,
  call: CallOf<K>,
): Promise<ResponseOf<K>> {
  const { params, query, body, signal, bodyStatuses } = call as {
    params?: object;
    query?: object;
    body?: unknown;
    signal?: AbortSignal;
    bodyStatuses?: readonly number[];
  };
  const method = key.slice(0, key.indexOf(' ')) as JsonMethod;
  return sendJson<ResponseOf<K>>(method, endpointUrl(base, key, params, query), body, signal, bodyStatuses);
}
