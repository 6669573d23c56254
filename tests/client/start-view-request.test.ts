// The start view's request goes out alongside the login state only when this browser last saw reads open.
import { describe, expect, it } from 'vitest';
import type { NeighboursResponse } from '../../contract/index.js';
import { startViewRequest } from '../../client/src/features/explorer/start-view-request.js';

/** An in-memory Storage with just what the module uses. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

const page: NeighboursResponse = { nodes: [], edges: [], total: 0, truncated: false };

describe('startViewRequest', () => {
  it('waits for the login state on a first visit, then remembers that reads were open', () => {
    const storage = memoryStorage();
    let sent = 0;
    const first = startViewRequest({ storage, request: async () => (sent++, page), enabled: true });
    expect(sent).toBe(0);
    expect(first.settle(false)).toBeUndefined();
    const next = startViewRequest({ storage, request: async () => (sent++, page), enabled: true });
    expect(sent).toBe(1);
    expect(next.settle(false)).toBeInstanceOf(Promise);
  });

  it('drops the early request when reads turned out to need a login, and waits on the next visit', async () => {
    const storage = memoryStorage({ 'secgraph:open-reads': '1' });
    const refused = Promise.reject(new Error('401'));
    const r = startViewRequest({ storage, request: () => refused, enabled: true });
    expect(r.settle(true)).toBeUndefined();
    let sent = 0;
    startViewRequest({ storage, request: async () => (sent++, page), enabled: true });
    expect(sent).toBe(0);
    await refused.catch(() => undefined);
  });

  it('sends nothing early when the page opens a workspace instead, or without storage', () => {
    let sent = 0;
    const request = async () => (sent++, page);
    startViewRequest({ storage: memoryStorage({ 'secgraph:open-reads': '1' }), request, enabled: false });
    expect(startViewRequest({ storage: null, request, enabled: true }).settle(false)).toBeUndefined();
    expect(sent).toBe(0);
  });
});
