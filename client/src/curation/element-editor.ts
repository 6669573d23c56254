// The details panel's edit mode: name, aliases, description and properties of a node (properties of a
// relationship), checked as you type, saved with Ctrl+Enter, cancelled with Esc; the server's 422 lands
// next to the field it names and a 409 opens the conflict dialog.
import type { GraphEdge, GraphNode, NodeUpdateRequest } from '../../../contract';
import { ApiError, describeError } from '../api/api-error';
import type { CurationApi } from '../api/curation-api';
import type { ApiClient } from '../api/api-client';
import type { Actions } from '../state/actions';
import type { CurationActions } from '../state/curation-actions';
import type { State } from '../state/state';
import type { ReadableStore } from '../state/store';
import { button, el } from '../ui/dom';
import { humanizeKey } from '../ui/property-list';
import type { CurationOperations } from './curation-operations';
import { createEvidenceEntry } from './evidence-input';
import {
  draftOf,
  edgeUpdateOf,
  nodeUpdateOf,
  slotOfField,
  validateDraft,
  type AllowedProperty,
  type ElementDraft,
  type PropertyDraft,
  type PropertyType,
  type Slot,
  versionOf,
} from './node-draft';
import { runVersionedWrite } from './write-flow';

/** What the editor works with. */
export interface EditorDeps {
  store: ReadableStore<State>;
  cur: CurationActions;
  ops: CurationOperations;
  api: CurationApi;
  reads: Pick<ApiClient, 'node'>;
  actions: Pick<Actions, 'notify'>;
  /** Properties the schema allows for the node's label or the relationship's type (empty: the element's own are offered). */
  allowedProperties(element: GraphNode | GraphEdge): AllowedProperty[];
}

/** The editor's element, shown by the details panel instead of its body while `active`. */
export interface ElementEditor {
  element: HTMLElement;
  active(s: State): boolean;
}

const PROPERTY_TYPES: readonly PropertyType[] = ['string', 'number', 'integer', 'boolean', 'list', 'date'];

/** Creates the editor; it builds its form whenever `curation.editing` names a new target. */
export function createElementEditor(d: EditorDeps): ElementEditor {
  const element = el('form', {
    className: 'details-body element-editor',
    testId: 'element-editor',
    attrs: { novalidate: '' },
  });
  let shown: State['curation']['editing'] = null;

  const build = (kind: 'node' | 'edge', base: GraphNode | GraphEdge): void => {
    const allowed = d.allowedProperties(base);
    const draft = draftOf(base, allowed);
    const messages = new Map<Slot, HTMLElement>();
    const slotMessage = (slot: Slot): HTMLElement => {
      const m = el('p', {
        className: 'form-message',
        testId: `edit-error-${slot.replace(':', '-')}`,
        attrs: { role: 'alert' },
      });
      messages.set(slot, m);
      return m;
    };
    const field = (label: string, control: HTMLElement, slot: Slot): HTMLElement =>
      el('label', { className: 'field' }, [
        el('span', { className: 'field-name', text: label }),
        control,
        slotMessage(slot),
      ]);

    const name = el('input', {
      className: 'form-input',
      testId: 'edit-name',
      attrs: { type: 'text', 'aria-label': 'Name', maxlength: '400' },
    });
    name.value = draft.name;
    const aliases = el('textarea', {
      className: 'form-input',
      testId: 'edit-aliases',
      attrs: { rows: '2', 'aria-label': 'Aliases, one per line or comma-separated' },
    });
    aliases.value = draft.aliases;
    const description = el('textarea', {
      className: 'form-input',
      testId: 'edit-description',
      attrs: { rows: '3', 'aria-label': 'Description' },
    });
    description.value = draft.description;

    const props: { draft: PropertyDraft; input: HTMLInputElement | HTMLSelectElement }[] = [];
    const propList = el('div', { className: 'edit-properties' });
    const addPropertyRow = (p: PropertyDraft): void => {
      const slot = `property:${p.key}`;
      const choices =
        p.type === 'boolean' ? ['true', 'false'] : p.type === 'enum' ? [...(p.values ?? [])] : null;
      const input = choices
        ? el(
            'select',
            { className: 'form-input', testId: `edit-prop-${p.key}` },
            ['', ...choices].map((v) => el('option', { text: v || '—', attrs: { value: v } })),
          )
        : el('input', {
            className: 'form-input',
            testId: `edit-prop-${p.key}`,
            attrs: {
              type: 'text',
              inputmode: p.type === 'number' || p.type === 'integer' ? 'decimal' : 'text',
              ...(p.type === 'date' ? { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' } : {}),
            },
          });
      input.value = p.text;
      props.push({ draft: p, input });
      propList.append(
        field(`${humanizeKey(p.key)}${p.type === 'list' ? ' (comma-separated)' : ''}`, input, slot),
      );
    };
    draft.properties.forEach(addPropertyRow);

    const newKey = el('input', {
      className: 'form-input',
      testId: 'edit-new-key',
      attrs: { type: 'text', placeholder: 'property', 'aria-label': 'New property name' },
    });
    const newType = el(
      'select',
      { className: 'form-input', testId: 'edit-new-type', attrs: { 'aria-label': 'New property type' } },
      PROPERTY_TYPES.map((t) => el('option', { text: t, attrs: { value: t } })),
    );
    const addProp = button(
      'Add property',
      () => {
        const key = newKey.value.trim();
        if (!key) {
          newKey.focus();
          return;
        }
        if (props.some((p) => p.draft.key === key)) {
          props.find((p) => p.draft.key === key)?.input.focus();
          return;
        }
        addPropertyRow({ key, type: newType.value as PropertyType, text: '', isNew: true });
        newKey.value = '';
        props[props.length - 1]?.input.focus();
      },
      { testId: 'edit-add-property' },
    );

    const evidence = createEvidenceEntry(d.api, { required: false });
    const formMessage = slotMessage('form');
    const save = el('button', {
      className: 'primary',
      text: 'Save',
      testId: 'edit-save',
      attrs: { type: 'submit', title: 'Save (Ctrl+Enter)' },
    });
    const cancel = button('Cancel', () => d.cur.stopEditing(), {
      testId: 'edit-cancel',
      title: 'Leave without saving (Esc)',
    });

    const readDraft = (): ElementDraft => ({
      name: name.value,
      aliases: aliases.value,
      description: description.value,
      properties: props.map((p) => ({ ...p.draft, text: p.input.value })),
    });
    const showErrors = (errors: Record<Slot, string>): void => {
      for (const [slot, m] of messages) m.textContent = errors[slot] ?? '';
      evidence.showError(errors['evidence'] ?? '');
    };
    const check = (): Record<Slot, string> => {
      const errors = validateDraft(readDraft(), kind);
      showErrors(errors);
      return errors;
    };
    element.addEventListener('input', () => {
      if ([...messages.values()].some((m) => m.textContent)) check();
    });

    const submit = async (): Promise<void> => {
      const errors = check();
      const reading = evidence.read();
      if (reading.kind === 'invalid') {
        evidence.showError(reading.message);
        return;
      }
      if (Object.keys(errors).length) {
        element
          .querySelector<HTMLElement>('.form-message:not(:empty)')
          ?.parentElement?.querySelector<HTMLElement>('input, textarea, select')
          ?.focus();
        return;
      }
      const current = readDraft();
      const body =
        kind === 'node' ? nodeUpdateOf(base as GraphNode, current) : edgeUpdateOf(base as GraphEdge, current);
      const request: NodeUpdateRequest = body ?? { version: versionOf(base) };
      if (reading.kind === 'ok') request.addEvidence = [reading.evidence];
      if (!body && reading.kind !== 'ok') {
        formMessage.textContent = 'Nothing changed.';
        return;
      }
      save.disabled = true;
      const label = kind === 'node' ? (base as GraphNode).name : (base as GraphEdge).type;
      await runVersionedWrite<NodeUpdateRequest, GraphNode | GraphEdge>({
        what: label,
        base,
        request,
        isChange: true,
        send: (r): Promise<GraphNode | GraphEdge> =>
          kind === 'node' ? d.ops.saveNode(base.id, r) : d.ops.saveEdge(base.id, r),
        loadCurrent: async () => (kind === 'node' ? (await d.reads.node(base.id)).node : base),
        onDone: (saved) => {
          d.cur.stopEditing();
          d.actions.notify('info', `Saved ${'name' in saved ? saved.name : saved.type}.`);
        },
        onDiscard: (latest) => {
          d.cur.stopEditing();
          if (kind === 'node') d.cur.applyPatch({ nodes: [latest as GraphNode] });
          else d.cur.applyPatch({ edges: [latest as GraphEdge] });
        },
        onError: (err) => {
          const slot = err instanceof ApiError ? slotOfField(err.field) : 'form';
          const text = describeError(err);
          if (slot === 'evidence') evidence.showError(text);
          else
            (messages.get(slot) ?? formMessage).textContent = messages.has(slot)
              ? text
              : `${err instanceof ApiError && err.field ? `${err.field}: ` : ''}${text}`;
        },
      });
      save.disabled = false;
    };

    const nodeFields =
      kind === 'node'
        ? [
            field('Name', name, 'name'),
            field('Aliases (one per line or comma-separated)', aliases, 'aliases'),
            field('Description', description, 'description'),
          ]
        : [];
    element.replaceChildren(
      el('header', { className: 'details-header' }, [
        el('span', {
          className: 'kind-chip',
          text: kind === 'node' ? 'Editing node' : 'Editing relationship',
        }),
        el('h2', {
          className: 'details-title',
          text: kind === 'node' ? (base as GraphNode).name : (base as GraphEdge).type,
        }),
        el('code', {
          className: 'details-id',
          text: `${base.id} · version ${String(base.properties['version'] ?? '—')}`,
        }),
      ]),
      ...nodeFields,
      el('h3', { className: 'details-subtitle', text: 'Properties' }),
      propList,
      // With the schema's allow-list every allowed property is listed already; without it, curators may add one.
      ...(allowed.length ? [] : [el('div', { className: 'edit-new-property' }, [newKey, newType, addProp])]),
      evidence.element,
      formMessage,
      el('div', { className: 'button-row' }, [save, cancel]),
      el('p', { className: 'panel-help', text: 'Ctrl+Enter saves · Esc cancels' }),
    );
    submitNow = () => void submit();
    (kind === 'node' ? name : (props[0]?.input ?? save)).focus();
  };

  let submitNow = (): void => {};
  element.addEventListener('submit', (e) => {
    e.preventDefault();
    submitNow();
  });
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submitNow();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      d.cur.stopEditing();
    }
    // Typing in the form must not reach the canvas shortcuts.
    e.stopPropagation();
  });

  d.store.subscribe((s) => {
    const target = s.curation.editing;
    if (target === shown) return;
    shown = target;
    if (!target) {
      element.replaceChildren();
      return;
    }
    const base =
      target.kind === 'node'
        ? s.details.status === 'loaded' && s.details.id === target.id
          ? s.details.response.node
          : s.nodes.get(target.id)
        : s.edges.get(target.id);
    if (!base) {
      queueMicrotask(() => d.cur.stopEditing());
      return;
    }
    // Built after the current store notification, so focus lands once the panel shows the form.
    queueMicrotask(() => build(target.kind, base));
  });

  return { element, active: (s) => s.curation.editing !== null };
}
