// The login dialog: a modal form (Enter submits, Esc closes) opened from the toolbar, by a 401, or at start with AUTH_REQUIRED.
import { ApiError, describeError } from '../../../api/api-error';
import type { AuthActions } from '../state';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el } from '../../../shared/dom';
import type { AuthOperations } from '../operations';

/** Builds the dialog (appended to the body by the caller) and keeps it in step with State.loginPrompt. */
export function createLoginDialog(
  store: ReadableStore<State>,
  auth: AuthActions,
  ops: AuthOperations,
): HTMLDialogElement {
  const reason = el('p', { className: 'login-reason muted' });
  const username = el('input', {
    className: 'login-input',
    testId: 'login-username',
    attrs: {
      type: 'text',
      name: 'username',
      autocomplete: 'username',
      required: '',
      maxlength: '64',
      'aria-label': 'Username',
      autocapitalize: 'none',
      spellcheck: 'false',
    },
  });
  const password = el('input', {
    className: 'login-input',
    testId: 'login-password',
    attrs: {
      type: 'password',
      name: 'password',
      autocomplete: 'current-password',
      required: '',
      maxlength: '1024',
      'aria-label': 'Password',
    },
  });
  const message = el('p', {
    className: 'form-message',
    testId: 'login-message',
    attrs: { role: 'alert', 'aria-live': 'assertive' },
  });
  const submit = el('button', {
    className: 'primary',
    text: 'Log in',
    testId: 'login-submit',
    attrs: { type: 'submit' },
  });
  const form = el('form', { className: 'login-form', attrs: { 'aria-label': 'Log in' } }, [
    el('label', { className: 'login-label' }, ['Username', username]),
    el('label', { className: 'login-label' }, ['Password', password]),
    message,
    el('div', { className: 'button-row' }, [
      submit,
      button('Cancel', () => auth.closeLogin(), { title: 'Close (Esc)' }),
    ]),
  ]);
  const dialog = el(
    'dialog',
    { className: 'login-dialog', testId: 'login-dialog', attrs: { 'aria-labelledby': 'login-title' } },
    [el('h2', { className: 'panel-title', text: 'Log in', attrs: { id: 'login-title' } }), reason, form],
  );

  let busy = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (busy) return;
    if (!username.value.trim() || !password.value) {
      message.textContent = 'Enter your username and password.';
      (username.value.trim() ? password : username).focus();
      return;
    }
    busy = true;
    submit.disabled = true;
    message.textContent = '';
    ops
      .logIn(username.value.trim(), password.value)
      .then(
        () => {
          password.value = '';
        },
        (err: unknown) => {
          message.textContent =
            err instanceof ApiError && err.code === 'VALIDATION_FAILED'
              ? 'Enter your username and password.'
              : describeError(err);
          password.select();
          password.focus();
        },
      )
      .finally(() => {
        busy = false;
        submit.disabled = false;
      });
  });
  // Esc closes (the state decides whether the dialog is open); the page's shortcuts never see keys typed here.
  dialog.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      auth.closeLogin();
    }
  });
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    auth.closeLogin();
  });

  let opener: Element | null = null;
  const render = (s: State): void => {
    if (s.loginPrompt && !dialog.open) {
      opener = document.activeElement;
      reason.textContent = s.loginPrompt.reason;
      message.textContent = '';
      dialog.showModal();
      username.focus();
    } else if (s.loginPrompt) {
      reason.textContent = s.loginPrompt.reason;
    } else if (!s.loginPrompt && dialog.open) {
      dialog.close();
      password.value = '';
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    }
  };
  store.subscribe((s, prev) => {
    if (s.loginPrompt !== prev.loginPrompt) render(s);
  });
  return dialog;
}
