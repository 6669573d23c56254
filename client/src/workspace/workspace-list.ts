// One saved workspace in the panel's list: its owner and sharing; open; rename and delete (owner and admins only).
import type { WorkspaceSummary } from '../../../contract';
import { button, el } from '../ui/dom';
import { ownerLabel } from './workspace-owner';

/** What a list item is showing: the entry, its rename form, or the delete confirmation. */
export type ItemMode = 'view' | 'rename' | 'confirm-delete';

/** What the list asks its owner to do. */
export interface ListHandlers {
  open(ws: WorkspaceSummary): void;
  setMode(ws: WorkspaceSummary, mode: ItemMode): void;
  rename(ws: WorkspaceSummary, name: string): void;
  remove(ws: WorkspaceSummary): void;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The list item for `ws`; `openId` marks the workspace this page shows. */
export function workspaceItem(
  ws: WorkspaceSummary,
  mode: ItemMode,
  openId: string | null,
  h: ListHandlers,
): HTMLLIElement {
  const item = el('li', {
    className: `workspace-item${ws.id === openId ? ' open' : ''}`,
    testId: 'workspace-item',
    attrs: { 'data-id': ws.id },
  });
  const meta = el('span', { className: 'workspace-meta' }, [
    el('span', { className: 'workspace-owner', testId: 'workspace-owner', text: ownerLabel(ws) }),
    ws.visibility === 'private' &&
      el('span', {
        className: 'workspace-badge private',
        testId: 'workspace-private-badge',
        text: 'private',
        attrs: { title: 'Only its owner and admins can open it' },
      }),
    !ws.canEdit &&
      el('span', {
        className: 'workspace-badge',
        testId: 'workspace-readonly-badge',
        text: 'read-only',
        attrs: { title: 'You may open it; save a copy to keep changes' },
      }),
    el('span', {
      text: `${ws.nodeCount} node${ws.nodeCount === 1 ? '' : 's'} · ${when(ws.updatedAt)}${ws.id === openId ? ' · open' : ''}`,
    }),
  ]);

  if (mode === 'rename') {
    const input = el('input', {
      className: 'workspace-input',
      testId: 'workspace-rename-input',
      attrs: {
        type: 'text',
        maxlength: '120',
        required: '',
        'aria-label': `New name for ${ws.name}`,
        value: ws.name,
      },
    });
    const form = el('form', { className: 'workspace-rename' }, [
      input,
      el('button', { text: 'Rename', testId: 'workspace-rename-confirm', attrs: { type: 'submit' } }),
      button('Cancel', () => h.setMode(ws, 'view')),
    ]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      h.rename(ws, input.value);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        h.setMode(ws, 'view');
      }
    });
    item.append(form);
    queueMicrotask(() => {
      input.focus();
      input.select();
    });
    return item;
  }

  if (mode === 'confirm-delete') {
    const cancel = button('Cancel', () => h.setMode(ws, 'view'));
    item.append(
      el(
        'div',
        {
          className: 'workspace-confirm',
          attrs: { role: 'group', 'aria-label': `Confirm deleting ${ws.name}` },
        },
        [
          el('span', {
            className: 'workspace-confirm-text',
            text: `Delete ‘${ws.name}’? This cannot be undone.`,
          }),
          button('Delete', () => h.remove(ws), { className: 'danger', testId: 'workspace-delete-confirm' }),
          cancel,
        ],
      ),
    );
    queueMicrotask(() => cancel.focus());
    return item;
  }

  item.append(
    el('div', { className: 'workspace-entry' }, [
      button(ws.name, () => h.open(ws), {
        className: 'link-button workspace-name',
        testId: 'workspace-open',
        title: `Open ${ws.name}`,
      }),
      meta,
    ]),
    // Only the owner and admins may rename or delete: others do not get buttons the server would refuse.
    ...(ws.canEdit
      ? [
          el('div', { className: 'workspace-actions' }, [
            button('Rename', () => h.setMode(ws, 'rename'), {
              testId: 'workspace-rename',
              attrs: { 'aria-label': `Rename ${ws.name}` },
            }),
            button('Delete', () => h.setMode(ws, 'confirm-delete'), {
              testId: 'workspace-delete',
              attrs: { 'aria-label': `Delete ${ws.name}` },
            }),
          ]),
        ]
      : []),
  );
  return item;
}
