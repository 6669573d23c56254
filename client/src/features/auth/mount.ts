// Mounts the session: the API's auth hooks, the login dialog, the toolbar's account group and the admin's Users panel.
import { installAuthHooks } from '../../api/auth-hooks';
import type { AppContext } from '../../app/context';
import { createAuthOperations, type AuthOperations } from './operations';
import { createAccountMenu } from './ui/account-menu';
import { createLoginDialog } from './ui/login-dialog';
import { createUsersPanel } from './ui/users-panel';

/** Mounts the session's UI; its operations load the session and hold back reads until they are allowed. */
export function mountAuth(ctx: AppContext): AuthOperations {
  const { store, actions } = ctx;
  const ops = createAuthOperations({
    api: ctx.api.auth,
    store,
    actions,
    auth: actions,
    reload: () => window.location.reload(),
  });
  installAuthHooks({ csrfToken: () => store.get().auth.csrfToken, refused: ops.refused });
  const users = createUsersPanel(store, ctx.api.auth, () => void ops.load());
  ctx.page.toolbar('account', createAccountMenu(store, actions, ops, users.toggleButton));
  ctx.page.more('users', users.toggleButton);
  ctx.page.canvas('users', users.element);
  ctx.page.body(createLoginDialog(store, actions, ops));
  return ops;
}
