// The admin's Users panel: list accounts, create one with a role, change role, reset password, disable, delete.
import type { Role, UserRecord } from '../../../contract';
import { ApiError, describeError } from '../api/api-error';
import type { AuthApi } from '../api/auth-api';
import type { State } from '../state/state';
import type { ReadableStore } from '../state/store';
import { button, el } from '../ui/dom';
import { panelToggle } from '../ui/panel-toggle';
import './auth.css';

const ROLES: readonly Role[] = ['viewer', 'curator', 'admin'];
/** The server's rule, checked here first so the admin hears it before a round trip. */
const MIN_PASSWORD_CHARS = 10;

export interface UsersPanel {
  element: HTMLElement;
  toggleButton: HTMLButtonElement;
  close(): void;
}

const roleSelect = (value: Role, testId: string, label: string): HTMLSelectElement => {
  const s = el(
    'select',
    { testId, attrs: { 'aria-label': label } },
    ROLES.map((r) => el('option', { text: r, attrs: { value: r } })),
  );
  s.value = value;
  return s;
};

/** `onSelfChanged` re-reads the session after the admin changed their own account (a new role applies at once). */
export function createUsersPanel(
  store: ReadableStore<State>,
  api: AuthApi,
  onSelfChanged: () => void,
): UsersPanel {
  const message = el('p', { className: 'form-message', testId: 'users-message', attrs: { role: 'alert' } });
  const list = el('ul', {
    className: 'users-list',
    testId: 'users-list',
    attrs: { 'aria-label': 'Accounts' },
  });
  const say = (text: string, ok = true): void => {
    message.textContent = text;
    message.classList.toggle('ok', ok);
  };
  const fail = (err: unknown): void =>
    say(`${describeError(err)}${err instanceof ApiError ? ` (${err.code})` : ''}`, false);
  /** Runs a change, says what happened, and lists the accounts again (the server has the last word). */
  const run = (task: Promise<unknown>, done: string, username?: string): Promise<void> =>
    task
      .then(() => {
        say(done);
        if (username !== undefined && username === store.get().auth.user?.username) onSelfChanged();
      }, fail)
      .then(refresh);

  const newName = el('input', {
    testId: 'users-new-username',
    attrs: {
      type: 'text',
      required: '',
      maxlength: '64',
      autocomplete: 'off',
      'aria-label': 'New username',
      placeholder: 'Username',
    },
  });
  const newPassword = el('input', {
    testId: 'users-new-password',
    attrs: {
      type: 'password',
      required: '',
      autocomplete: 'new-password',
      'aria-label': "New user's password",
      placeholder: `Password (${MIN_PASSWORD_CHARS}+ characters)`,
    },
  });
  const newRole = roleSelect('viewer', 'users-new-role', "New user's role");
  const form = el('form', { className: 'users-create', attrs: { 'aria-label': 'Create a user' } }, [
    newName,
    newPassword,
    newRole,
    el('button', { className: 'primary', text: 'Create', testId: 'users-create', attrs: { type: 'submit' } }),
  ]);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const username = newName.value.trim();
    if (!username) {
      say('Give the user a name.', false);
      newName.focus();
      return;
    }
    if (newPassword.value.length < MIN_PASSWORD_CHARS) {
      say(`The password needs at least ${MIN_PASSWORD_CHARS} characters.`, false);
      newPassword.focus();
      return;
    }
    api
      .createUser(username, newPassword.value, newRole.value as Role)
      .then((u) => {
        say(`Created ${u.role} ${u.username}.`);
        newName.value = newPassword.value = '';
        newRole.value = 'viewer';
      }, fail)
      .then(refresh);
  });

  /** One account: its role, enable/disable, password reset and delete (each asks nothing more than needed). */
  const row = (u: UserRecord, me: string | undefined): HTMLLIElement => {
    const role = roleSelect(u.role, 'users-role', `Role of ${u.username}`);
    role.addEventListener(
      'change',
      () =>
        void run(
          api.updateUser(u.username, { role: role.value as Role }),
          `${u.username} is now ${role.value}.`,
          u.username,
        ),
    );
    const toggle = button(
      u.disabled ? 'Enable' : 'Disable',
      () =>
        void run(
          api.updateUser(u.username, { disabled: !u.disabled }),
          `${u.username} ${u.disabled ? 'enabled' : 'disabled'}.`,
        ),
      {
        testId: 'users-disable',
        title: u.disabled ? 'Allow this user to log in again' : "Stop this user's sessions and logins",
      },
    );

    const resetInput = el('input', {
      testId: 'users-reset-password',
      attrs: {
        type: 'password',
        autocomplete: 'new-password',
        'aria-label': `New password for ${u.username}`,
        placeholder: 'New password',
      },
    });
    const resetForm = el('form', { className: 'users-inline' }, [
      resetInput,
      el('button', { text: 'Set', testId: 'users-reset-save', attrs: { type: 'submit' } }),
    ]);
    resetForm.hidden = true;
    resetForm.addEventListener('submit', (e) => {
      e.preventDefault();
      if (resetInput.value.length < MIN_PASSWORD_CHARS) {
        say(`The password needs at least ${MIN_PASSWORD_CHARS} characters.`, false);
        resetInput.focus();
        return;
      }
      void run(
        api.updateUser(u.username, { password: resetInput.value }),
        `New password set for ${u.username}; their other sessions were ended.`,
      );
    });
    resetForm.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        resetForm.hidden = true;
        reset.focus();
      }
    });
    const reset = button(
      'Reset password',
      () => {
        resetForm.hidden = !resetForm.hidden;
        if (!resetForm.hidden) resetInput.focus();
      },
      { testId: 'users-reset' },
    );

    const confirm = el('span', { className: 'users-inline' }, [
      `Delete ${u.username}?`,
      button('Delete', () => void run(api.deleteUser(u.username), `Deleted ${u.username}.`), {
        className: 'danger',
        testId: 'users-delete-confirm',
      }),
      button('Keep', () => {
        confirm.hidden = true;
        remove.focus();
      }),
    ]);
    confirm.hidden = true;
    const remove = button(
      'Delete',
      () => {
        confirm.hidden = false;
        (confirm.querySelector('button') as HTMLButtonElement).focus();
      },
      { testId: 'users-delete', title: `Delete ${u.username} and end their sessions` },
    );

    const name = el('span', {
      className: 'users-name',
      text: u.username + (u.username === me ? ' (you)' : ''),
    });
    const item = el(
      'li',
      {
        className: `users-row${u.disabled ? ' disabled' : ''}`,
        testId: 'users-row',
        attrs: { 'data-username': u.username },
      },
      [
        el('div', { className: 'users-entry' }, [
          name,
          el('span', {
            className: 'users-meta',
            text: `${u.disabled ? 'disabled · ' : ''}since ${u.createdAt.slice(0, 10)}`,
          }),
        ]),
        el('div', { className: 'users-actions' }, [role, toggle, reset, remove]),
        resetForm,
        confirm,
      ],
    );
    return item;
  };

  async function refresh(): Promise<void> {
    if (element.hidden) return;
    try {
      const { users } = await api.users();
      const me = store.get().auth.user?.username;
      list.replaceChildren(...users.map((u) => row(u, me)));
    } catch (err) {
      fail(err);
    }
  }

  const toggle = panelToggle({
    label: 'Users',
    testId: 'users-toggle',
    title: 'Manage accounts (admins)',
    controls: 'users-panel',
    slot: 'top-right',
    panel: () => element,
    onOpen: () => {
      say('');
      void refresh();
      newName.focus();
    },
  });
  const element = el(
    'section',
    {
      className: 'users-panel floating-card',
      testId: 'users-panel',
      attrs: { id: 'users-panel', role: 'dialog', 'aria-label': 'Users' },
    },
    [
      el('header', { className: 'floating-panel-header' }, [
        el('h2', { className: 'panel-title', text: 'Users' }),
        button('×', () => toggle.close(), {
          className: 'panel-close',
          title: 'Close (Esc)',
          attrs: { 'aria-label': 'Close users' },
        }),
      ]),
      el('h3', { className: 'details-subtitle', text: 'New user' }),
      form,
      message,
      el('h3', { className: 'details-subtitle', text: 'Accounts' }),
      list,
    ],
  );
  element.hidden = true;
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      toggle.close();
    }
  });
  // Only admins see it: losing the role or logging out closes it.
  store.subscribe((s, prev) => {
    if (s.auth !== prev.auth && s.auth.user?.role !== 'admin' && !element.hidden) {
      element.hidden = true;
      toggle.button.setAttribute('aria-expanded', 'false');
    }
  });
  return { element, toggleButton: toggle.button, close: toggle.close };
}
