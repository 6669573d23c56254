// The toolbar's account group: "Log in" when anonymous; the user badge and "Log out" when logged in (Users,
// for admins, lives in the toolbar's More menu; this group shows and hides it with the role).
import type { AuthActions } from '../state';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el } from '../../../shared/dom';
import type { AuthOperations } from '../operations';

export function createAccountMenu(
  store: ReadableStore<State>,
  auth: AuthActions,
  ops: AuthOperations,
  usersToggle: HTMLButtonElement,
): HTMLElement {
  const login = button('Log in', () => auth.openLogin('Log in to edit the graph or manage users.'), {
    testId: 'login-open',
    title: 'Log in',
  });
  const name = el('span', { className: 'user-badge-name' });
  const role = el('span', { className: 'user-badge-role' });
  // The name may be cut short with an ellipsis; the role always shows.
  const badge = el('span', { className: 'user-badge', testId: 'user-badge' }, [name, ' · ', role]);
  const logout = button('Log out', () => void ops.logOut(), { testId: 'logout', title: 'End this session' });
  const group = el(
    'div',
    { className: 'toolbar-group account-menu', attrs: { role: 'group', 'aria-label': 'Account' } },
    [login, badge, logout],
  );

  const render = (s: State): void => {
    const user = s.auth.user;
    login.hidden = user !== null;
    badge.hidden = logout.hidden = user === null;
    usersToggle.hidden = user?.role !== 'admin';
    name.textContent = user?.username ?? '';
    role.textContent = user?.role ?? '';
    badge.title = user ? `Logged in as ${user.username}, role ${user.role}` : '';
  };
  store.subscribe((s, prev) => {
    if (s.auth !== prev.auth) render(s);
  });
  render(store.get());
  return group;
}
