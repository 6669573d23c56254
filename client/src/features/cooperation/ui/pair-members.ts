// The members behind a cooperating pair (people, agencies, the offices between): for whom each counts, and the
// relationships, with their quotes, that make it count (its office or membership, and its part in the forums).
import type { CooperationPair, GraphEdge, GraphNode } from '../../../../../contract';
import { claimBadges } from '../../../shared/badges';
import { claimFlags } from '../../../shared/claim-flags';
import { el } from '../../../shared/dom';
import { evidenceList } from '../../../shared/evidence-list';
import { kindChip } from '../../../shared/kind-chip';
import { describeRelationship } from '../../../shared/relationship-phrases';

/** The party (a or b) `member` counts for: followed up its office and membership edges, or null. */
export function partyOf(pair: CooperationPair, member: string): GraphNode | null {
  const vias = new Set(pair.via.map((v) => v.id));
  const up = (pair.memberEdges ?? []).filter((e) => !vias.has(e.target));
  const seen = new Set<string>();
  let frontier = [member];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      if (id === pair.a.id) return pair.a;
      if (id === pair.b.id) return pair.b;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const e of up) if (e.source === id) next.push(e.target);
    }
    frontier = next;
  }
  return null;
}

function tie(edge: GraphEdge, nameOf: (id: string) => string): HTMLElement {
  return el('div', { className: 'coop-tie', testId: 'coop-member-tie', attrs: { 'data-edge-id': edge.id } }, [
    el('p', { className: 'coop-tie-sentence', text: describeRelationship(edge, nameOf) }),
    claimBadges(edge.properties),
    evidenceList(edge.evidence),
  ]);
}

function memberItem(pair: CooperationPair, member: GraphNode, nameOf: (id: string) => string): HTMLElement {
  const party = partyOf(pair, member.id);
  const edges = (pair.memberEdges ?? []).filter((e) => e.source === member.id);
  const disputed = edges.some((e) => claimFlags(e.properties).disputed);
  return el('li', {}, [
    el('details', { className: 'coop-member', testId: 'coop-member', attrs: { 'data-id': member.id } }, [
      el('summary', {}, [
        kindChip(member.labels),
        el('strong', { text: member.name }),
        party ? el('span', { className: 'coop-member-for', text: `counts for ${party.name}` }) : null,
        disputed ? el('span', { className: 'badge badge-disputed', text: 'Disputed' }) : null,
      ]),
      ...edges.map((e) => tie(e, nameOf)),
    ]),
  ]);
}

/** The members section of a pair's details, or null when the parties count for themselves alone. */
export function pairMembers(pair: CooperationPair, nameOf: (id: string) => string): HTMLElement | null {
  const members = pair.members ?? [];
  if (!members.length) return null;
  return el('section', { className: 'coop-members-section', testId: 'coop-members' }, [
    el('h3', { className: 'coop-members-title', text: 'Through their members' }),
    el('p', {
      className: 'muted',
      text: `People and agencies whose part in these forums and agreements counts for ${pair.a.name} or ${pair.b.name}:`,
    }),
    el(
      'ul',
      { className: 'coop-members' },
      members.map((m) => memberItem(pair, m, nameOf)),
    ),
  ]);
}
