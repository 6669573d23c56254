// Curation's pure client logic: which relationship types fit two nodes, a conflict read against what the
// edit started from, the PATCH a form draft sends, where a 422 lands, history rows, and patching undo snapshots.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, SchemaResponse } from '../../server/src/api-types.js';
import { RELATIONSHIP_TYPES } from '../../server/src/schema.js';
import { changeRows } from '../../client/src/curation/change-diff.js';
import { conflictRows, currentElement, reapplied } from '../../client/src/curation/conflict.js';
import { mentionedNodeIds } from '../../client/src/curation/curation-operations.js';
import { unitedAliases } from '../../client/src/curation/merge-dialog.js';
import { draftOf, edgeUpdateOf, nodeUpdateOf, parseList, slotOfField, validateDraft, versionOf } from '../../client/src/curation/node-draft.js';
import { fittingTypes } from '../../client/src/curation/relationship-fit.js';
import { patchScene } from '../../client/src/state/curation-actions.js';
import { emptyScene } from '../../client/src/state/scene.js';

/** The schema's relationship types as GET /api/schema lists them (built from the server's own allow-list). */
const types: SchemaResponse['relationshipTypes'] = Object.entries(RELATIONSHIP_TYPES).map(([type, ends]) => ({
  type, count: 0, from: [...ends.from], to: [...ends.to],
}));

const node = (id: string, name: string, labels: GraphNode['labels'], properties: Record<string, unknown> = {}): GraphNode =>
  ({ id, name, labels, properties: { version: 3, ...properties }, evidence: [] });
const edge = (id: string, source: string, target: string, properties: Record<string, unknown> = {}): GraphEdge =>
  ({ id, type: 'PARTICIPATED_IN', source, target, properties: { version: 1, ...properties } });

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
    expect(forum.filter((t) => !t.reversed).map((t) => t.type).sort()).toEqual(['ESTABLISHED_BY', 'HELD_IN', 'RECOMMENDED_PARTNER'].sort());
    expect(forum.filter((t) => t.reversed).map((t) => t.type)).toEqual(expect.arrayContaining(['PARTICIPATED_IN', 'LEADS', 'MEMBER_OF']));
    expect(forum.some((t) => t.reversed && t.type === 'RECOMMENDED_PARTNER')).toBe(false);
  });

  it('is empty when no type joins the labels', () => {
    expect(fittingTypes(types, ['ThreatType'], ['Technology'])).toEqual([]);
  });
});

describe('conflicts', () => {
  const base = node('country:uk', 'UK', ['Actor', 'Country'], { description: 'old', population: 1 });

  it('lists what the other person changed, with my value and whether it clashes', () => {
    const current = { ...base, name: 'United Kingdom', properties: { ...base.properties, version: 4, population: 2 } };
    const rows = conflictRows(base, current, { version: 3, name: 'Britain', description: 'mine' });
    expect(rows.map((r) => r.field)).toEqual(['name', 'population']);
    expect(rows[0]).toMatchObject({ field: 'name', base: 'UK', theirs: 'United Kingdom', mine: 'Britain', clash: true });
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
  const uk = node('country:uk', 'UK', ['Actor', 'Country'], { aliases: ['Britain'], description: 'An island', founded: 1707, member: true });

  it('sends only what changed, with the version it started from', () => {
    const draft = draftOf(uk);
    expect(draft.properties.map((p) => p.key)).toEqual(['founded', 'member']);
    expect(nodeUpdateOf(uk, draft)).toBeNull();
    const edited = { ...draft, name: ' United Kingdom ', aliases: 'Britain, UK\nGB', properties: draft.properties.map((p) => (p.key === 'founded' ? { ...p, text: '1801' } : p)) };
    expect(nodeUpdateOf(uk, edited)).toEqual({ version: 3, name: 'United Kingdom', aliases: ['Britain', 'UK', 'GB'], properties: { founded: 1801 } });
  });

  it('removes a property whose field is emptied and clears the description', () => {
    const draft = draftOf(uk);
    const edited = { ...draft, description: '', properties: draft.properties.map((p) => (p.key === 'member' ? { ...p, text: '' } : p)) };
    expect(nodeUpdateOf(uk, edited)).toEqual({ version: 3, description: null, properties: { member: null } });
  });

  it('builds a relationship PATCH from its properties', () => {
    const e = edge('rel:1', 'a', 'b', { role: 'host' });
    const draft = draftOf(e);
    expect(edgeUpdateOf(e, draft)).toBeNull();
    expect(edgeUpdateOf(e, { ...draft, properties: [{ key: 'role', type: 'string', text: 'attendee' }] })).toEqual({ version: 1, properties: { role: 'attendee' } });
  });

  it('validates names, numbers, booleans and new keys before sending', () => {
    const draft = draftOf(uk);
    const bad = {
      ...draft, name: '  ',
      properties: [
        { key: 'founded', type: 'number' as const, text: 'soon' },
        { key: 'member', type: 'boolean' as const, text: 'yes' },
        { key: '9lives', type: 'string' as const, text: 'x' },
        { key: 'version', type: 'number' as const, text: '4' },
      ],
    };
    const errors = validateDraft(bad, 'node');
    expect(Object.keys(errors).sort()).toEqual(['name', 'property:9lives', 'property:founded', 'property:member', 'property:version']);
    expect(validateDraft(draft, 'node')).toEqual({});
    expect(validateDraft({ ...draft, name: '' }, 'edge')).toEqual({});
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
    expect(versionOf({ properties: {} })).toBe(0);
    expect(parseList(' a, b ,\n a,,c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('history rows', () => {
  it('shows each changed field before -> after, name first, version noise left out', () => {
    const rows = changeRows({
      before: { id: 'x', name: 'UK', properties: { version: 1, description: 'd', aliases: ['GB'] } },
      after: { id: 'x', name: 'United Kingdom', properties: { version: 2, description: 'd', aliases: ['GB', 'UK'] } },
    });
    expect(rows).toEqual([
      { field: 'name', before: 'UK', after: 'United Kingdom' },
      { field: 'aliases', before: 'GB', after: 'GB, UK' },
    ]);
    expect(changeRows({ before: null, after: { name: 'New' } })).toEqual([{ field: 'name', before: '—', after: 'New' }]);
  });
});

describe('applying a write to the scene', () => {
  const a = node('a', 'A', ['Forum']);
  const b = node('b', 'B', ['Actor', 'Country']);
  const c = node('c', 'C', ['Actor', 'Country']);
  const ab = edge('ab', 'b', 'a');
  const ac = edge('ac', 'c', 'a');
  const scene = { ...emptyScene(), nodes: new Map([[a.id, a], [b.id, b], [c.id, c]]), edges: new Map([[ab.id, ab], [ac.id, ac]]), pinned: new Set(['c']) };

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
    const other = node('country:gb', 'UK', ['Actor', 'Country'], { aliases: ['Britain', 'United Kingdom', 'GB'] });
    expect(unitedAliases(keep, other)).toEqual(['Britain', 'UK', 'GB']);
  });

  it('finds the nodes a merge record names', () => {
    const before = { kept: node('k', 'K', ['Forum']), merged: node('m', 'M', ['Forum']), edges: [{ id: 'e1', source: 'm', target: 'x', type: 'T', properties: {} }] };
    expect(mentionedNodeIds(before).sort()).toEqual(['k', 'm']);
  });
});
