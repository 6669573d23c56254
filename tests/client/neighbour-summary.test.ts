// The status line's note on a hub page ranked on a sample: said when the API says so, and only then.
import { describe, expect, it } from 'vitest';
import { sampleNote } from '../../client/src/features/explorer/neighbour-summary';

describe('sampleNote', () => {
  it('says the order is estimated from the sample, with its size, when the page was sampled', () => {
    const note = sampleNote({ sample: { size: 1950, of: 42732 } });
    expect(note).toContain('order estimated');
    expect(note).toContain('sample of 1950 neighbours');
  });

  it('says nothing when every neighbour was ranked', () => {
    expect(sampleNote({})).toBe('');
  });
});
