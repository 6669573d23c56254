// The model module: every kind reaches every table derived from it (the compiler checks the Record tables; this
// checks the tables built at run time), and the rules it states hang together.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE,
  CONFIDENCE_LEVELS,
  displayKindOf,
  displayName,
  ENTITY_KINDS,
  FAMILIES,
  KIND_STYLES,
  KINDS,
  kindOf,
  LABEL_PROPERTIES,
  labelsOf,
  NODE_KINDS,
  NODE_LABELS,
  nodePropertyTypes,
  RELATIONSHIP_TYPE_NAMES,
  RELATIONSHIP_TYPES,
  relationshipVerb,
  shapePath,
  SOURCE_KIND,
  type DisplayKind,
  type NodeKind,
} from '../../model/index.js';
import { buildBriefing } from '../../server/src/services/briefing/briefing-model.js';
import { nounPhrase, TYPE_HEADINGS } from '../../server/src/services/briefing/phrases.js';
import { seedNodeSchema } from '../../seed/seed-schema.js';
import type { GraphNode } from '../../contract/index.js';

/** One node of every kind, plus a bare Actor (shown as 'Other'). */
const nodes: GraphNode[] = [
  ...NODE_KINDS.map((k) => ({
    id: `${KINDS[k].idPrefix}:model-test`,
    labels: [...labelsOf(k)],
    name: `Model test ${k}`,
    properties: {},
  })),
  { id: 'actor:model-test', labels: ['Actor'], name: 'Model test actor', properties: {} },
];

describe('the model: every kind in every derived table', () => {
  it('lists each kind once, and its labels (family first) lead back to it', () => {
    expect(new Set(NODE_KINDS).size).toBe(Object.keys(KINDS).length);
    for (const k of NODE_KINDS) {
      expect(kindOf(labelsOf(k)), k).toBe(k);
      expect(labelsOf(k).at(-1)).toBe(k);
      for (const l of labelsOf(k)) expect(NODE_LABELS, k).toContain(l);
    }
    expect([...NODE_LABELS].sort()).toEqual([...new Set([...NODE_KINDS, ...Object.keys(FAMILIES)])].sort());
    expect(displayKindOf(['Actor'])).toBe('Other');
  });

  it('curated kinds are every kind but Source, each with its property allow-list', () => {
    expect([...ENTITY_KINDS, SOURCE_KIND].sort()).toEqual([...NODE_KINDS].sort());
    expect(Object.keys(LABEL_PROPERTIES).sort()).toEqual([...ENTITY_KINDS].sort());
    for (const k of ENTITY_KINDS) {
      expect(nodePropertyTypes(k), k).toHaveProperty('confidence');
      expect(() =>
        seedNodeSchema.parse({ id: 'x:y', label: k, name: 'n', evidence: [{ quote: 'abc' }] }),
      ).not.toThrow();
    }
    expect(() =>
      seedNodeSchema.parse({ id: 'x:y', label: SOURCE_KIND, name: 'n', evidence: [{ quote: 'abc' }] }),
    ).toThrow();
  });

  it('gives each kind its own id prefix, names and look (shape and colour both tell kinds apart)', () => {
    const distinct = (f: (k: NodeKind) => string) =>
      expect(new Set(NODE_KINDS.map(f)).size).toBe(NODE_KINDS.length);
    distinct((k) => KINDS[k].idPrefix);
    distinct((k) => KINDS[k].name);
    distinct((k) => KINDS[k].plural);
    distinct((k) => KIND_STYLES[k].colour.toLowerCase());
    distinct((k) => KIND_STYLES[k].shape);
    for (const k of [...NODE_KINDS, 'Other'] as DisplayKind[]) {
      expect(KIND_STYLES[k].colour, k).toMatch(/^#[0-9a-f]{6}$/i);
      expect(KIND_STYLES[k].size, k).toBeGreaterThan(0);
      expect(shapePath(KIND_STYLES[k].shape, 20), k).toMatch(/^M.*Z$/);
      expect(displayName(k), k).not.toBe('');
    }
    for (const k of NODE_KINDS) expect(KINDS[k].idPrefix, k).toMatch(/^[a-z]+$/);
  });

  it('lets every kind but Source take part in some relationship, and names only model labels as endpoints', () => {
    const ends = new Set<string>(
      RELATIONSHIP_TYPE_NAMES.flatMap((t) => [...RELATIONSHIP_TYPES[t].from, ...RELATIONSHIP_TYPES[t].to]),
    );
    for (const l of ends) expect(NODE_LABELS, l).toContain(l);
    for (const k of ENTITY_KINDS)
      expect(
        labelsOf(k).some((l) => ends.has(l)),
        k,
      ).toBe(true);
  });

  it('words every relationship type: a verb, a briefing heading, and a place in the briefing order', () => {
    expect(TYPE_HEADINGS.map(([t]) => t).sort()).toEqual([...RELATIONSHIP_TYPE_NAMES].sort());
    for (const t of RELATIONSHIP_TYPE_NAMES) {
      expect(relationshipVerb(t), t).toBe(RELATIONSHIP_TYPES[t].verb);
      expect(RELATIONSHIP_TYPES[t].verb.trim(), t).not.toBe('');
      expect(RELATIONSHIP_TYPES[t].heading, t).not.toBe('');
    }
    for (const c of CONFIDENCE_LEVELS) expect(CONFIDENCE[c].help, c).not.toBe('');
  });

  it('puts every node of every kind in exactly one briefing table, and reads each name in a sentence', () => {
    const briefing = buildBriefing(
      { nodes, edges: [] },
      { title: 't', generatedAt: new Date(0), scope: 's' },
    );
    for (const n of nodes) {
      const tables = briefing.tables.filter((t) => t.rows.some((r) => r.id === n.id));
      expect(
        tables.map((t) => t.key),
        n.id,
      ).toHaveLength(1);
      expect(nounPhrase(n).toLowerCase(), n.id).toContain(n.name.toLowerCase());
    }
  });

  it('imports only its own files: nothing of server/, client/, seed/, Node, the DOM or neo4j-driver', () => {
    const dir = new URL('../../model/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('index.ts');
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'/g)].map(
        (m) => m[1] ?? m[2],
      );
      for (const s of specifiers) expect(s, `${f} imports ${s}`).toMatch(/^\.\/[a-z-]+\.js$/);
      expect(text, f).not.toMatch(/\b(document|window|process|Buffer)\./);
    }
  });
});
