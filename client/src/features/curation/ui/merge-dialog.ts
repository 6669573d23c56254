// "Merge into…": pick the node to keep, preview what moves (relationships, aliases, evidence), confirm.
import type { GraphNode, NeighbourCountsResponse, NodeResponse } from '../../../../../contract';
import { ApiError, describeError } from '../../../api/api-error';
import { button, el } from '../../../shared/dom';
import { kindChip } from '../../../shared/kind-chip';
import { createSearchBox, type SearchHit } from '../../../shared/search-box';
import type { CurationOperations } from '../operations';
import { openModal } from '../../../shared/modal';
import { parseList, versionOf } from '../node-draft';

/** What the dialog needs. */
export interface MergeDeps {
  ops: CurationOperations;
  node(id: string): Promise<NodeResponse>;
  neighbourCounts(id: string): Promise<NeighbourCountsResponse>;
  search(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  /** Nodes on the canvas, offered as quick picks when they share a label with the merged node. */
  canvasNodes(): readonly GraphNode[];
  notify(text: string): void;
}

const aliasesOf = (n: GraphNode): string[] => {
  const a = n.properties['aliases'];
  return Array.isArray(a) ? a.map(String) : typeof a === 'string' ? parseList(a) : [];
};

/** The aliases the kept node has after the merge: its own, plus the other's name and aliases. */
export function unitedAliases(keep: GraphNode, other: GraphNode): string[] {
  const names = [...aliasesOf(keep), other.name, ...aliasesOf(other)];
  return [...new Set(names.filter((n) => n !== keep.name))];
}

/** Opens the dialog for merging `otherId` into a node the curator picks. */
export function openMergeDialog(d: MergeDeps, otherId: string): void {
  const preview = el('div', { className: 'merge-preview', testId: 'merge-preview' });
  const message = el('p', { className: 'form-message', testId: 'merge-message', attrs: { role: 'alert' } });

  const choose = async (keepId: string): Promise<void> => {
    message.textContent = '';
    if (keepId === otherId) {
      message.textContent = 'Pick another node: a node cannot be merged into itself.';
      return;
    }
    preview.replaceChildren(el('p', { className: 'muted', text: 'Preparing the preview…' }));
    try {
      const [keepRes, otherRes, counts] = await Promise.all([
        d.node(keepId),
        d.node(otherId),
        d.neighbourCounts(otherId),
      ]);
      const keep = { ...keepRes.node, evidence: keepRes.evidence };
      showPreview(keep, { ...otherRes.node, evidence: otherRes.evidence }, counts);
    } catch (err) {
      preview.replaceChildren();
      message.textContent = describeError(err);
    }
  };

  const showPreview = (keep: GraphNode, from: GraphNode, counts: NeighbourCountsResponse): void => {
    const moves = counts.byType.map((t) => `${t.type}: ${t.out + t.in}`).join(', ');
    const confirm = button(
      `Merge ${from.name} into ${keep.name}`,
      () => {
        confirm.disabled = true;
        d.ops.merge(keep.id, from.id, versionOf(keep), versionOf(from)).then(
          (kept) => {
            modal.close();
            d.notify(`Merged ${from.name} into ${kept.name}. Revert it from the history if this was wrong.`);
          },
          (err: unknown) => {
            confirm.disabled = false;
            if (err instanceof ApiError && err.code === 'CONFLICT') {
              message.textContent =
                'One of them was changed meanwhile: the preview shows them as they are now. Confirm again to merge.';
              void choose(keep.id);
            } else {
              message.textContent = describeError(err);
            }
          },
        );
      },
      { className: 'primary', testId: 'merge-confirm' },
    );
    preview.replaceChildren(
      el('p', { text: `${from.name} (${from.id}) is merged into ${keep.name} (${keep.id}) and removed.` }),
      el('dl', { className: 'properties' }, [
        el('dt', { text: 'Relationships moving' }),
        el('dd', {
          testId: 'merge-moves',
          text: moves ? `${counts.totalEstimate ? '≈' : ''}${counts.total} neighbours · ${moves}` : 'none',
        }),
        el('dt', { text: 'Aliases after' }),
        el('dd', { testId: 'merge-aliases', text: unitedAliases(keep, from).join(', ') || '—' }),
        el('dt', { text: 'Evidence after' }),
        el('dd', {
          text: `${(keep.evidence?.length ?? 0) + (from.evidence?.length ?? 0)} pieces (${keep.evidence?.length ?? 0} + ${from.evidence?.length ?? 0})`,
        }),
      ]),
      el('div', { className: 'button-row' }, [confirm]),
    );
    confirm.focus();
  };

  const box = createSearchBox({
    testId: 'merge-search',
    placeholder: 'Search the node to keep',
    label: 'Node to keep',
    search: d.search,
    onPick: (hit) => void choose(hit.id),
    onError: (err) => {
      message.textContent = describeError(err);
    },
  });
  const self = d.canvasNodes().find((n) => n.id === otherId);
  const candidates = d
    .canvasNodes()
    .filter(
      (n) => n.id !== otherId && self && n.labels.some((l) => self.labels.includes(l) && l !== 'Actor'),
    );
  const modal = openModal({
    title: `Merge ${self?.name ?? otherId} into…`,
    testId: 'merge-dialog',
    body: [
      el('p', {
        className: 'panel-help',
        text: 'Pick the node to keep. Its relationships stay; this node’s relationships move to it, aliases and evidence are united, and the merge can be reverted from the history.',
      }),
      box.element,
      candidates.length
        ? el('div', { className: 'merge-candidates' }, [
            el('span', { className: 'field-name', text: 'On the canvas' }),
            ...candidates.slice(0, 12).map((n) =>
              button('', () => void choose(n.id), {
                className: 'merge-candidate',
                testId: 'merge-candidate',
                attrs: { 'data-id': n.id },
              }),
            ),
          ])
        : null,
      preview,
      message,
    ],
  });
  // Candidate buttons show the kind chip and the name.
  modal.element.querySelectorAll<HTMLButtonElement>('.merge-candidate').forEach((b) => {
    const n = candidates.find((c) => c.id === b.dataset['id']);
    if (n) b.replaceChildren(kindChip(n.labels), el('span', { text: n.name }));
  });
  box.focus();
}
