// The Workspaces panel: save the scene under a name, save changes (or a copy of someone else's), share or make
// private, resolve conflicts, list/open/rename/delete; says who owns what and why a request was refused.
import type { WorkspaceSummary } from '../../../contract';
import { ApiError, describeError } from '../api/api-error';
import type { State } from '../state/state';
import type { ReadableStore } from '../state/store';
import { button, el } from '../ui/dom';
import './workspace-panel.css';
import { type ItemMode, workspaceItem } from './workspace-list';
import type { WorkspaceOperations } from './workspace-operations';
import { panelToggle } from '../ui/panel-toggle';
import { ownerLabel, ownerPhrase } from './workspace-owner';

/** What a refusal means, before the server's own words (which say what would help). */
function refusalLead(err: ApiError): string {
  if (err.code === 'UNAUTHORIZED') return 'Not logged in: ';
  if (err.code === 'FORBIDDEN') return 'Not allowed: ';
  return '';
}

/** The mounted panel and what the toolbar and shortcuts call. */
export interface WorkspacePanel {
  element: HTMLElement;
  /** The toolbar button that shows and hides the panel. */
  toggleButton: HTMLButtonElement;
  toggle(): void;
  /** Ctrl+S: saves over the open workspace, or opens the panel at the name field. */
  save(): void;
}

/** Builds the panel (hidden until toggled); `ops` does the work, the panel shows outcomes. */
export function createWorkspacePanel(store: ReadableStore<State>, ops: WorkspaceOperations): WorkspacePanel {
  let summaries: WorkspaceSummary[] = [];
  const modes = new Map<string, ItemMode>();

  const current = el('p', { className: 'workspace-current', testId: 'workspace-current' });
  const message = el('p', {
    className: 'form-message',
    testId: 'workspace-message',
    attrs: { role: 'alert' },
  });
  const list = el('ul', {
    className: 'workspace-list',
    testId: 'workspace-list',
    attrs: { 'aria-label': 'Saved workspaces' },
  });
  const nameInput = el('input', {
    className: 'workspace-input',
    testId: 'workspace-name',
    attrs: {
      type: 'text',
      maxlength: '120',
      required: '',
      placeholder: 'Name this scene',
      'aria-label': 'Workspace name',
    },
  });

  const say = (text: string, kind: 'ok' | 'error' = 'ok'): void => {
    message.textContent = text;
    message.classList.toggle('ok', kind === 'ok');
  };
  const fail = (err: unknown): void => {
    if (!(err instanceof ApiError)) {
      say(describeError(err), 'error');
      return;
    }
    say(`${refusalLead(err)}${describeError(err)} (${err.code})`, 'error');
  };

  const conflictText = el('span', { className: 'workspace-conflict-text' });
  const conflict = el(
    'div',
    { className: 'workspace-conflict', testId: 'workspace-conflict', attrs: { role: 'alert' } },
    [
      conflictText,
      el('div', { className: 'button-row' }, [
        button('Overwrite', () => void attempt(() => ops.overwriteOpen(), 'Overwrote'), {
          className: 'danger',
          testId: 'workspace-overwrite',
          title: 'Replace the stored version with this scene',
        }),
        button(
          'Save as new',
          () => {
            const open = store.get().workspace;
            nameInput.value = nameInput.value.trim() || (open ? `${open.name} (copy)` : '');
            void attempt(() => ops.saveAsNew(nameInput.value), 'Saved');
          },
          { testId: 'workspace-conflict-save-new' },
        ),
        button('Cancel', () => {
          conflict.hidden = true;
        }),
      ]),
    ],
  );
  conflict.hidden = true;

  const refresh = async (): Promise<void> => {
    try {
      summaries = await ops.list();
      ops.syncAccess(summaries);
      renderList();
    } catch (err) {
      fail(err);
    }
  };

  /** Runs a save; a version conflict shows the conflict choices instead of an error. */
  const attempt = async (task: () => Promise<{ name: string }>, verb: string): Promise<void> => {
    conflict.hidden = true;
    try {
      const ws = await task();
      say(`${verb} ‘${ws.name}’.`);
      nameInput.value = '';
    } catch (err) {
      const open = store.get().workspace;
      if (err instanceof ApiError && err.code === 'CONFLICT' && err.field !== 'name' && open) {
        conflictText.textContent = `${err.message} Overwrite replaces the stored ‘${open.name}’ with this scene; Save as new keeps both.`;
        conflict.hidden = false;
        say('');
      } else {
        fail(err);
      }
    }
    await refresh();
  };

  const handlers = {
    open: (ws: WorkspaceSummary) => {
      say('');
      ops.open(ws.id).then(() => {
        say(`Opened ‘${ws.name}’.`);
        renderList();
      }, fail);
    },
    setMode: (ws: WorkspaceSummary, mode: ItemMode) => {
      modes.set(ws.id, mode);
      renderList();
    },
    rename: (ws: WorkspaceSummary, name: string) => {
      ops.rename(ws, name).then(
        (renamed) => {
          modes.delete(ws.id);
          say(`Renamed to ‘${renamed.name}’.`);
          return refresh();
        },
        (err: unknown) => {
          fail(err);
          // A taken name keeps the form as typed; anything else (a stale version, a deleted workspace) needs the fresh list.
          if (!(err instanceof ApiError && err.field === 'name')) void refresh();
        },
      );
    },
    remove: (ws: WorkspaceSummary) => {
      ops
        .remove(ws)
        .then(() => {
          modes.delete(ws.id);
          say(`Deleted ‘${ws.name}’.`);
        }, fail)
        .finally(() => void refresh());
    },
  };

  const renderList = (): void => {
    const openId = store.get().workspace?.id ?? null;
    list.replaceChildren(
      ...(summaries.length
        ? summaries.map((ws) => workspaceItem(ws, modes.get(ws.id) ?? 'view', openId, handlers))
        : [el('li', { className: 'workspace-empty muted', text: 'No saved workspaces yet.' })]),
    );
  };

  const saveOpen = button('Save changes', () => void attempt(() => ops.saveOpen(), 'Saved'), {
    className: 'primary',
    testId: 'workspace-save',
  });

  /** Who owns the open workspace and how it is shared. */
  const access = el('p', { className: 'workspace-access', testId: 'workspace-access' });
  /** The owner's (and admins') switch between shared and private. */
  const privateBox = el('input', {
    testId: 'workspace-private-toggle',
    attrs: { type: 'checkbox', 'aria-describedby': 'workspace-private-hint' },
  });
  privateBox.addEventListener('change', () => {
    const visibility = privateBox.checked ? 'private' : 'shared';
    ops.setVisibility(visibility).then(
      (ws) => {
        say(
          visibility === 'private'
            ? `‘${ws.name}’ is private: only you and admins can open it.`
            : `‘${ws.name}’ is shared: others can open it read-only through its link.`,
        );
        return refresh();
      },
      (err: unknown) => {
        privateBox.checked = !privateBox.checked;
        fail(err);
      },
    );
  });
  const privacy = el('label', { className: 'workspace-private' }, [
    privateBox,
    el('span', { text: 'Private' }),
    el('span', {
      className: 'muted',
      text: ' – only you and admins can open it',
      attrs: { id: 'workspace-private-hint' },
    }),
  ]);
  /** For someone else's workspace: read-only, with a copy as the way to keep changes. */
  const readOnlyText = el('span', { className: 'workspace-readonly-text' });
  const saveCopy = button(
    'Save a copy',
    () => void attempt(() => ops.saveCopy(nameInput.value), 'Saved a copy:'),
    {
      className: 'primary',
      testId: 'workspace-save-copy',
      title: 'Save this scene as a new workspace of yours',
    },
  );
  const readOnly = el(
    'div',
    { className: 'workspace-readonly', testId: 'workspace-readonly', attrs: { role: 'note' } },
    [readOnlyText, saveCopy],
  );
  const form = el(
    'form',
    { className: 'workspace-save-form', attrs: { 'aria-label': 'Save as a new workspace' } },
    [
      nameInput,
      el('button', { text: 'Save as new', testId: 'workspace-save-new', attrs: { type: 'submit' } }),
    ],
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!nameInput.value.trim()) {
      say('Give the workspace a name (1 to 120 characters).', 'error');
      nameInput.focus();
      return;
    }
    void attempt(() => ops.saveAsNew(nameInput.value), 'Saved');
  });

  const {
    button: toggleButton,
    open: show,
    close,
  } = panelToggle({
    label: 'Workspaces',
    testId: 'workspaces-toggle',
    title: 'Save and open workspaces (W; Ctrl+S saves)',
    controls: 'workspace-panel',
    slot: 'top-right',
    panel: () => element,
    onOpen: () => {
      void refresh();
    },
  });
  const toggle = (): void => {
    if (element.hidden) {
      show();
      const open = store.get().workspace;
      (open ? (open.access.canEdit ? saveOpen : saveCopy) : nameInput).focus();
    } else close();
  };

  const element = el(
    'section',
    {
      className: 'workspace-panel floating-card',
      testId: 'workspace-panel',
      attrs: { id: 'workspace-panel', role: 'dialog', 'aria-label': 'Workspaces' },
    },
    [
      el('header', { className: 'floating-panel-header' }, [
        el('h2', { className: 'panel-title', text: 'Workspaces' }),
        button('×', close, {
          className: 'panel-close',
          title: 'Close (Esc)',
          attrs: { 'aria-label': 'Close workspaces' },
        }),
      ]),
      current,
      access,
      readOnly,
      saveOpen,
      privacy,
      form,
      conflict,
      message,
      el('h3', { className: 'details-subtitle', text: 'Saved workspaces' }),
      list,
    ],
  );
  element.hidden = true;
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      close();
    }
  });

  const renderCurrent = (s: State): void => {
    const open = s.workspace;
    current.textContent = open
      ? `Open: ‘${open.name}’ (version ${open.version})`
      : 'This scene is not saved yet.';
    const editable = !!open && open.access.canEdit;
    access.hidden = !open;
    const sharing = open?.access.visibility === 'private' ? 'private' : 'shared';
    // Read-only is said once, in the box below; the owner is told what sharing means for others.
    access.textContent = open
      ? `${ownerLabel(open.access)} · ${editable && sharing === 'shared' ? 'shared: others open it read-only' : sharing}`
      : '';
    saveOpen.hidden = !editable;
    saveOpen.textContent = open ? `Save changes to ‘${open.name}’` : 'Save changes';
    privacy.hidden = !editable;
    privateBox.checked = open?.access.visibility === 'private';
    readOnly.hidden = !open || editable;
    readOnlyText.textContent = open
      ? `‘${open.name}’ is ${ownerPhrase(open.access)}: you can look and change the canvas, but not save over it. Save a copy to keep your changes.`
      : '';
  };
  let shown: State['workspace'] | undefined;
  let user = store.get().auth.user;
  store.subscribe((s) => {
    if (s.workspace !== shown) {
      shown = s.workspace;
      renderCurrent(s);
      if (!element.hidden) renderList();
    }
    // Logging in or out changes which workspaces are yours: read the list (and the open one's rights) again.
    if (s.auth.user !== user) {
      user = s.auth.user;
      if (!element.hidden) void refresh();
    }
  });
  renderCurrent(store.get());
  renderList();

  return {
    element,
    toggleButton,
    toggle,
    save: () => {
      if (element.hidden) show();
      const open = store.get().workspace;
      if (open && !open.access.canEdit) {
        // Someone else's: Ctrl+S offers the copy rather than a refusal.
        say(
          `‘${open.name}’ is ${ownerPhrase(open.access)} and open read-only: Save a copy keeps your changes.`,
        );
        saveCopy.focus();
      } else if (open) void attempt(() => ops.saveOpen(), 'Saved');
      else nameInput.focus();
    },
  };
}
