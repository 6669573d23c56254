// A modal dialog (<dialog> in the top layer) for the curation forms, and a yes/no confirmation built on it.
import { button, el, type Child } from './dom';

/** An open modal. */
export interface Modal {
  element: HTMLDialogElement;
  /** The dialog's body: replace its children to change what it shows. */
  body: HTMLElement;
  close(): void;
}

/** Options of `openModal`. */
export interface ModalOptions {
  title: string;
  testId: string;
  body: readonly Child[];
  /** Called once when the dialog closes (Esc, the close button or `close()`). */
  onClose?: () => void;
  className?: string;
}

/** Opens a modal dialog over the page; Esc closes it without reaching the page's shortcuts. */
export function openModal(o: ModalOptions): Modal {
  const body = el('div', { className: 'modal-body' }, o.body);
  const element = el(
    'dialog',
    {
      className: `curation-modal ${o.className ?? ''}`.trim(),
      testId: o.testId,
      attrs: { 'aria-label': o.title },
    },
    [
      el('header', { className: 'modal-header' }, [
        el('h2', { className: 'modal-title', text: o.title }),
        button('×', () => close(), {
          className: 'panel-close',
          title: 'Close (Esc)',
          attrs: { 'aria-label': `Close ${o.title}` },
        }),
      ]),
      body,
    ],
  );
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    if (element.open) element.close();
    element.remove();
    o.onClose?.();
  };
  // Keys typed in a dialog belong to it: Esc must not also clear the canvas selection.
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
    e.stopPropagation();
  });
  element.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  document.body.append(element);
  element.showModal();
  return { element, body, close };
}

/** Asks a yes/no question (with optional detail, e.g. a merge preview); resolves true on confirm. */
export function confirmAction(o: {
  title: string;
  message: string;
  detail?: readonly Child[];
  confirm: string;
  danger?: boolean;
}): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const ok = button(
      o.confirm,
      () => {
        answer = true;
        modal.close();
      },
      { className: o.danger ? 'danger' : 'primary', testId: 'confirm-ok' },
    );
    const modal = openModal({
      title: o.title,
      testId: 'confirm-dialog',
      onClose: () => resolve(answer),
      body: [
        el('p', { className: 'confirm-message', text: o.message }),
        ...(o.detail ?? []),
        el('div', { className: 'button-row' }, [
          ok,
          button('Cancel', () => modal.close(), { testId: 'confirm-cancel' }),
        ]),
      ],
    });
    ok.focus();
  });
}
