// DOM building without innerHTML: text goes in through textContent, and inline styles/handlers are refused.

/** Anything `el` accepts as a child; strings become text nodes, falsy values are skipped. */
export type Child = Node | string | null | undefined | false;

/** Options for `el`. */
export interface ElOptions {
  className?: string;
  /** Text content (always text, never parsed as HTML). */
  text?: string;
  /** Sets `data-testid`. */
  testId?: string;
  attrs?: Readonly<Record<string, string>>;
}

/** Sets an attribute, refusing `style` and `on*` which the Content-Security-Policy forbids. */
export function setAttr(node: Element, name: string, value: string): void {
  const lower = name.toLowerCase();
  if (lower === 'style' || lower.startsWith('on')) {
    throw new Error(
      `dom: refusing attribute "${name}". Expecting styles via classes or element.style, handlers via addEventListener.`,
    );
  }
  node.setAttribute(name, value);
}

/** Creates an element with options and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  opts: ElOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (opts.className) node.className = opts.className;
  if (opts.text !== undefined) node.textContent = opts.text;
  if (opts.testId) node.dataset['testid'] = opts.testId;
  for (const [name, value] of Object.entries(opts.attrs ?? {})) setAttr(node, name, value);
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** A button that calls `onClick`; `title` doubles as its tooltip. */
export function button(
  text: string,
  onClick: () => void,
  opts: ElOptions & { title?: string } = {},
): HTMLButtonElement {
  const attrs = { type: 'button', ...(opts.title ? { title: opts.title } : {}), ...opts.attrs };
  const b = el('button', { ...opts, text, attrs });
  b.addEventListener('click', onClick);
  return b;
}

/** A titled sidebar section wrapping `body`. */
export function section(title: string, body: readonly Child[], className = ''): HTMLElement {
  return el('section', { className: `panel ${className}`.trim() }, [
    el('h2', { className: 'panel-title', text: title }),
    ...body,
  ]);
}
