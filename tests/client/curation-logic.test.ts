// Curation's pure client logic: which relationship types fit two nodes, a conflict read against what the
// edit started from, the PATCH a form draft sends, where a 422 lands, history rows, and patching undo snapshots.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, SchemaResponse } from '../../contract/index.js';
import { RELATIONSHIP_TYPES } from '../../server/src/schema.js';
import { changeRows } from '../../client/src/curation/change-diff.js';
import { conflictRows, currentElement, reapplied } from '../../client/src/curation/conflict.js';
import { changeEffect } from '../../client/src/curation/change-sync.js';
import { unitedAliases } from '../../client/src/curation/merge-dialog.js';
import {
  allowedFromSchema,
  draftOf,
  edgeUpdateOf,
  nodeUpdateOf,
  parseList,
  slotOfField,
  validateDraft,
  versionOf,
} from '../../client/src/curation/node-draft.js';
import { fittingTypes } from '../../client/src/curation/relationship-fit.js';
import { patchScene } from '../../client/src/state/curation-actions.js';
import { emptyScene } from '../../client/src/state/scene.js';

/** The schema's relationship types as GET /api/schema lists them (built from the server's own allow-list). */
const types: SchemaResponse['relationshipTypes'] = Object.entries(RELATIONSHIP_TYPES).map(([type, ends]) => ({
  type,
  count: 0,
  from: [...ends.from],
  to: [...ends.to],
}));

const node = (
  id: string,
  name: string,
  labels: GraphNode['labels'],
  properties: Record<string, unknown> = {},
): GraphNode => ({ id, name, labels, properties: { version: 3, ...properties }, evidence: [] });
const edge = (
  id: string,
  source: string,
  target: string,
  properties: Record<string, unknown> = {},
): GraphEdge => ({ id, type: 'PARTICIPATED_IN', source, target, properties: { version: 1, ...properties } });

describe('fittingTypes', () => {
  it('offers only the types whose endpoint labels fit, and the ones that fit the other way as reversed', () => {
    const person = ['Actor', 'Person'];
    const org = ['Organization', 'Actor'];
    const fit = fittingTypes(types, person, org);
    const names = fit.filter((t) => !t.reversed).map((t) => t.type);
    expect(names).toContain('HOLDS_OFFICE');
    expect(names).toContain('COOPERATES_WITH');
    expect(names).not.toContain('PART_OF'); // PART_OF starts at an Organization
    expect(names).not.toContain('ADDRESSES');
    // Organization -> Person fits nothing that Person -> Organization lacks except through Actor-Actor types.
    const forum = fittingTypes(types, ['Forum'], ['Actor', 'Country']);
    expect(
      forum
        .filter((t) => !t.reversed)
        .map((t) => t.type)
        .sort(),
    ).toEqual(['ESTABLISHED_BY', 'HELD_IN', 'RECOMMENDED_PARTNER'].sort());
    expect(forum.filter((t) => t.reversed).map((t) => t.type)).toEqual(
      expect.arrayContaining(['PARTICIPATED_IN', 'LEADS', 'MEMBER_OF']),
    );
    expect(forum.some((t) => t.reversed && t.type === 'RECOMMENDED_PARTNER')).toBe(false);
  });

  it('is empty when no type joins the labels', () => {
    expect(fittingTypes(types, ['ThreatType'], ['Technology'])).toEqual([]);
  });
});

describe('conflicts', () => {
  const base = node('country:uk', 'UK', ['Actor', 'Country'], { description: 'old', population: 1 });

  it('lists what the other person changed, with my value and whether it clashes', () => {
    const current = {
      ...base,
      name: 'United Kingdom',
      properties: { ...base.properties, version: 4, population: 2 },
    };
    const rows = conflictRows(base, current, { version: 3, name: 'Britain', description: 'mine' });
    expect(rows.map((r) => r.field)).toEqual(['name', 'population']);
    expect(rows[0]).toMatchObject({
      field: 'name',
      base: 'UK',
      theirs: 'United Kingdom',
      mine: 'Britain',
      clash: true,
    });
    expect(rows[1]).toMatchObject({ field: 'population', base: 1, theirs: 2, mine: undefined, clash: false });
  });

  it('reapplies the same change on the current version', () => {
    const current = { ...base, properties: { ...base.properties, version: 9 } };
    expect(reapplied({ version: 3, name: 'Britain' }, current)).toEqual({ version: 9, name: 'Britain' });
  });

  it('reads error.current as the element or wrapped, and refuses other shapes', () => {
    expect(currentElement(base)?.id).toBe('country:uk');
    expect(currentElement({ node: base })?.id).toBe('country:uk');
    expect(currentElement({ version: 2 })).toBeNull();
    expect(currentElement(null)).toBeNull();
  });
});

describe('edit drafts', () => {
  const uk = node('country:uk', 'UK', ['Actor', 'Country'], {
    aliases: ['Britain'],
    description: 'An island',
    founded: 1707,
    member: true,
  });

  it('sends only what changed, with the version it started from', () => {
    const draft = draftOf(uk);
    expect(draft.properties.map((p) => p.key)).toEqual(['founded', 'member']);
    expect(nodeUpdateOf(uk, draft)).toBeNull();
    const edited = {
      ...draft,
      name: ' United Kingdom ',
      aliases: 'Britain, UK\nGB',
      properties: draft.properties.map((p) => (p.key === 'founded' ? { ...p, text: '1801' } : p)),
    };
    expect(nodeUpdateOf(uk, edited)).toEqual({
      version: 3,
      name: 'United Kingdom',
      aliases: ['Britain', 'UK', 'GB'],
      properties: { founded: 1801 },
    });
  });

  it('removes a property whose field is emptied and clears the description', () => {
    const draft = draftOf(uk);
    const edited = {
      ...draft,
      description: '',
      properties: draft.properties.map((p) => (p.key === 'member' ? { ...p, text: '' } : p)),
    };
    expect(nodeUpdateOf(uk, edited)).toEqual({ version: 3, description: null, properties: { member: null } });
  });

  it('builds a relationship PATCH from its properties', () => {
    const e = edge('rel:1', 'a', 'b', { role: 'host' });
    const draft = draftOf(e);
    expect(edgeUpdateOf(e, draft)).toBeNull();
    expect(
      edgeUpdateOf(e, { ...draft, properties: [{ key: 'role', type: 'string', text: 'attendee' }] }),
    ).toEqual({ version: 1, properties: { role: 'attendee' } });
  });

  it('validates names, numbers, booleans and new keys before sending', () => {
    const draft = draftOf(uk);
    const bad = {
      ...draft,
      name: '  ',
      properties: [
        { key: 'founded', type: 'number' as const, text: 'soon' },
        { key: 'member', type: 'boolean' as const, text: 'yes' },
        { key: '9lives', type: 'string' as const, text: 'x' },
        { key: 'version', type: 'number' as const, text: '4' },
      ],
    };
    const errors = validateDraft(bad, 'node');
    expect(Object.keys(errors).sort()).toEqual([
      'name',
      'property:9lives',
      'property:founded',
      'property:member',
      'property:version',
    ]);
    expect(validateDraft(draft, 'node')).toEqual({});
    expect(validateDraft({ ...draft, name: '' }, 'edge')).toEqual({});
  });

  it('offers exactly what the schema allows, typed, and checks dates, integers and choices', () => {
    const allowed = allowedFromSchema({
      aliases: { kind: 'string[]' },
      founded: { kind: 'integer' },
      since: { kind: 'date' },
      confidence: { kind: 'enum', values: ['confirmed', 'reported'] },
      tags: { kind: 'string[]' },
    });
    expect(allowed.map((a) => a.key)).toEqual(['founded', 'since', 'confidence', 'tags']);
    const draft = draftOf(uk, allowed);
    expect(draft.properties.map((p) => [p.key, p.type, p.text])).toEqual([
      ['confidence', 'enum', ''],
      ['founded', 'integer', '1707'],
      ['since', 'date', ''],
      ['tags', 'list', ''],
    ]);
    const set = (key: string, text: string) => ({
      ...draft,
      properties: draft.properties.map((p) => (p.key === key ? { ...p, text } : p)),
    });
    expect(Object.keys(validateDraft(set('founded', '17.5'), 'node'))).toEqual(['property:founded']);
    expect(Object.keys(validateDraft(set('since', '2025-13'), 'node'))).toEqual(['property:since']);
    expect(Object.keys(validateDraft(set('confidence', 'rumour'), 'node'))).toEqual(['property:confidence']);
    expect(validateDraft(set('since', '2025-04'), 'node')).toEqual({});
    expect(nodeUpdateOf(uk, set('confidence', 'reported'))).toEqual({
      version: 3,
      properties: { confidence: 'reported' },
    });
  });

  it('places a server 422 next to the field it names', () => {
    expect(slotOfField('name')).toBe('name');
    expect(slotOfField('properties.founded')).toBe('property:founded');
    expect(slotOfField('properties[founded]')).toBe('property:founded');
    expect(slotOfField('addEvidence[0].quote')).toBe('evidence');
    expect(slotOfField('evidence.0.sourceId')).toBe('evidence');
    expect(slotOfField('version')).toBe('form');
    expect(slotOfField(undefined)).toBe('form');
  });

  it('reads versions and lists', () => {
    expect(versionOf(uk)).toBe(3);
    expect(versionOf({ properties: {} })).toBe(1);
    expect(parseList(' a, b ,\n a,,c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('history rows', () => {
  const uk = node('country:uk', 'UK', ['Actor', 'Country'], {
    version: 1,
    description: 'd',
    aliases: ['GB'],
  });
  const renamed = {
    ...uk,
    name: 'United Kingdom',
    properties: { ...uk.properties, version: 2, aliases: ['GB', 'UK'] },
  };

  it('shows each changed field before -> after, name first, version noise left out', () => {
    expect(
      changeRows({ before: { nodes: [uk], edges: [] }, after: { nodes: [renamed], edges: [] } }),
    ).toEqual([
      { field: 'name', before: 'UK', after: 'United Kingdom' },
      { field: 'aliases', before: 'GB', after: 'GB, UK' },
    ]);
  });

  it('says what a change created and deleted, naming each element when it touched several', () => {
    const e = edge('rel:uk-fcm', 'country:uk', 'forum:fcm');
    const rows = changeRows({ before: { nodes: [uk], edges: [e] }, after: { nodes: [], edges: [] } });
    expect(rows).toEqual([
      { field: 'UK', before: 'present', after: 'deleted' },
      { field: 'PARTICIPATED_IN', before: 'present', after: 'deleted' },
    ]);
    expect(changeRows({ before: { nodes: [], edges: [] }, after: { nodes: [uk], edges: [] } })).toEqual([
      { field: 'UK', before: '—', after: 'present' },
    ]);
    const both = changeRows({
      before: { nodes: [uk, node('b', 'B', ['Forum'])], edges: [] },
      after: { nodes: [renamed], edges: [] },
    });
    expect(both).toContainEqual({ field: 'UK · name', before: 'UK', after: 'United Kingdom' });
    expect(both).toContainEqual({ field: 'B', before: 'present', after: 'deleted' });
  });
});

describe('what a change does to the canvas', () => {
  it('updates what stayed, removes what went and lists what appeared', () => {
    const keep = node('k', 'Keep', ['Forum']);
    const gone = node('g', 'Gone', ['Forum']);
    const moved = edge('e-new', 'x', 'k');
    const old = edge('e-old', 'x', 'g');
    const merged = changeEffect({
      before: { nodes: [keep, gone], edges: [old] },
      after: { nodes: [{ ...keep, name: 'Kept' }], edges: [moved] },
    });
    expect(merged.patch.removedNodes).toEqual(['g']);
    expect(merged.patch.removedEdges).toEqual(['e-old']);
    expect(merged.patch.nodes?.map((n) => n.name)).toEqual(['Kept']);
    expect(merged.appeared.edges.map((e) => e.id)).toEqual(['e-new']);
    expect(merged.appeared.nodes).toEqual([]);
    // Reverting it brings the merged node back.
    const reverted = changeEffect({
      before: { nodes: [keep], edges: [moved] },
      after: { nodes: [keep, gone], edges: [old] },
    });
    expect(reverted.appeared.nodes.map((n) => n.id)).toEqual(['g']);
    expect(reverted.patch.removedEdges).toEqual(['e-new']);
    expect(changeEffect({ before: null, after: undefined }).patch.removedNodes).toEqual([]);
  });
});

describe('applying a write to the scene', () => {
  const a = node('a', 'A', ['Forum']);
  const b = node('b', 'B', ['Actor', 'Country']);
  const c = node('c', 'C', ['Actor', 'Country']);
  const ab = edge('ab', 'b', 'a');
  const ac = edge('ac', 'c', 'a');
  const scene = {
    ...emptyScene(),
    nodes: new Map([
      [a.id, a],
      [b.id, b],
      [c.id, c],
    ]),
    edges: new Map([
      [ab.id, ab],
      [ac.id, ac],
    ]),
    pinned: new Set(['c']),
  };

  it('renames a node where it is shown, keeping its evidence when the write omits it', () => {
    const renamed = { ...b, name: 'Bee', evidence: undefined } as GraphNode;
    const next = patchScene(scene, { nodes: [renamed] });
    expect(next.nodes.get('b')?.name).toBe('Bee');
    expect(next.nodes.get('b')?.evidence).toEqual([]);
    expect(next.edges).toBe(scene.edges);
  });

  it('removes a deleted node with its relationships and its pin, and leaves unrelated scenes as they are', () => {
    const next = patchScene(scene, { removedNodes: ['c'] });
    expect([...next.nodes.keys()]).toEqual(['a', 'b']);
    expect([...next.edges.keys()]).toEqual(['ab']);
    expect(next.pinned.has('c')).toBe(false);
    const elsewhere = { ...emptyScene(), nodes: new Map([[a.id, a]]) };
    expect(patchScene(elsewhere, { nodes: [b], removedEdges: [] })).toBe(elsewhere);
  });

  it('does not add a written node that the scene does not show', () => {
    const next = patchScene({ ...emptyScene(), nodes: new Map([[a.id, a]]) }, { nodes: [b] });
    expect(next.nodes.has('b')).toBe(false);
  });
});

describe('merge helpers', () => {
  it('unites aliases: the kept node gains the merged name and aliases, without repeats or its own name', () => {
    const keep = node('country:uk', 'United Kingdom', ['Actor', 'Country'], { aliases: ['Britain'] });
    const other = node('country:gb', 'UK', ['Actor', 'Country'], {
      aliases: ['Britain', 'United Kingdom', 'GB'],
    });
    expect(unitedAliases(keep, other)).toEqual(['Britain', 'UK', 'GB']);
  });
});
