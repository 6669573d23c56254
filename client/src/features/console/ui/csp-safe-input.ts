// Typed text goes into CodeMirror as a transaction, not through the browser's contenteditable editing.
import { EditorView } from '@codemirror/view';

/**
 * When typing replaces a selection that starts in a highlighted token, Chromium's editing code tries to
 * keep the token's look on the new text with an inline `style` attribute, which the strict CSP
 * (`style-src 'self'`, no 'unsafe-inline') refuses and reports. Applying plain typed text ourselves
 * (`beforeinput` insertText, outside IME composition) leaves the DOM to CodeMirror, which draws it with
 * classes; composition, paste and drop keep CodeMirror's own handling.
 */
export const cspSafeTyping = EditorView.domEventHandlers({
  beforeinput(event, view) {
    if (event.inputType !== 'insertText' || event.isComposing || view.composing || event.data === null)
      return false;
    event.preventDefault();
    view.dispatch(view.state.replaceSelection(event.data), { userEvent: 'input.type', scrollIntoView: true });
    return true;
  },
});
