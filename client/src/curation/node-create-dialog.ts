// "New node": a label, a name (and optionally an id, aliases and description) and the evidence for it.
import { ENTITY_KINDS } from '../../../model';
import type { NodeCreateRequest } from '../../../contract';
import { ApiError, describeError } from '../api/api-error';
import type { CurationApi } from '../api/curation-api';
import { button, el } from '../ui/dom';
import type { CurationOperations } from './curation-operations';
import { createEvidenceEntry } from './evidence-input';
import { openModal } from './modal';
import { MAX_NAME, parseList, slotOfField } from './node-draft';

/** The labels a curator may create: every kind but Source (a Source is added through "New source"). */
export const CREATABLE_LABELS: readonly NodeCreateRequest['label'][] = ENTITY_KINDS;
/** What an explicit id must look like (the server's business keys): a prefix, a colon, a slug. */
const ID_PATTERN = /^[a-z]+:[a-z0-9][a-z0-9-]*$/;

/** Opens the dialog; on success the new node is on the canvas and selected. */
export function openNodeCreateDialog(
  api: CurationApi,
  ops: CurationOperations,
  notify: (text: string) => void,
): void {
  const label = el(
    'select',
    { className: 'form-input', testId: 'new-node-label', attrs: { 'aria-label': 'Label' } },
    CREATABLE_LABELS.map((l) => el('option', { text: l, attrs: { value: l } })),
  );
  const name = el('input', {
    className: 'form-input',
    testId: 'new-node-name',
    attrs: { type: 'text', 'aria-label': 'Name', required: '' },
  });
  const id = el('input', {
    className: 'form-input',
    testId: 'new-node-id',
    attrs: { type: 'text', placeholder: 'optional, e.g. country:new-zealand', 'aria-label': 'Id' },
  });
  const aliases = el('input', {
    className: 'form-input',
    testId: 'new-node-aliases',
    attrs: { type: 'text', placeholder: 'comma-separated', 'aria-label': 'Aliases' },
  });
  const description = el('textarea', {
    className: 'form-input',
    testId: 'new-node-description',
    attrs: { rows: '2', 'aria-label': 'Description' },
  });
  const evidence = createEvidenceEntry(api, { required: true });
  const messages: Record<string, HTMLElement> = {};
  const msg = (slot: string): HTMLElement =>
    (messages[slot] = el('p', {
      className: 'form-message',
      testId: `new-node-error-${slot}`,
      attrs: { role: 'alert' },
    }));
  const row = (text: string, control: HTMLElement, slot: string): HTMLElement =>
    el('label', { className: 'field' }, [el('span', { className: 'field-name', text }), control, msg(slot)]);
  const create = button('Create', () => void submit(), { className: 'primary', testId: 'new-node-create' });

  const submit = async (): Promise<void> => {
    for (const m of Object.values(messages)) m.textContent = '';
    evidence.showError('');
    const body: NodeCreateRequest = {
      label: label.value as NodeCreateRequest['label'],
      name: name.value.trim(),
      evidence: [],
    };
    if (!body.name) {
      messages['name']!.textContent = 'A name is required.';
      name.focus();
      return;
    }
    if (body.name.length > MAX_NAME) {
      messages['name']!.textContent = `At most ${MAX_NAME} characters.`;
      name.focus();
      return;
    }
    if (id.value.trim() && !ID_PATTERN.test(id.value.trim())) {
      messages['id']!.textContent =
        'Expecting a prefix, a colon and a lower-case slug, e.g. country:new-zealand.';
      id.focus();
      return;
    }
    const reading = evidence.read();
    if (reading.kind !== 'ok') {
      evidence.showError(reading.kind === 'invalid' ? reading.message : 'Evidence is required.');
      return;
    }
    body.evidence = [reading.evidence];
    if (id.value.trim()) body.id = id.value.trim();
    const list = parseList(aliases.value);
    if (list.length) body.aliases = list;
    if (description.value.trim()) body.description = description.value.trim();
    create.disabled = true;
    try {
      const node = await ops.createNode(body);
      modal.close();
      notify(`Created ${node.name}.`);
    } catch (err) {
      const slot = err instanceof ApiError ? slotOfField(err.field) : 'form';
      if (slot === 'evidence') evidence.showError(describeError(err));
      else
        (messages[slot] ?? messages['form']!).textContent =
          `${messages[slot] || !(err instanceof ApiError && err.field) ? '' : `${err.field}: `}${describeError(err)}`;
    } finally {
      create.disabled = false;
    }
  };

  const modal = openModal({
    title: 'New node',
    testId: 'new-node-dialog',
    body: [
      row('Label', label, 'label'),
      row('Name', name, 'name'),
      row('Id', id, 'id'),
      row('Aliases', aliases, 'aliases'),
      row('Description', description, 'description'),
      evidence.element,
      msg('form'),
      el('div', { className: 'button-row' }, [create, button('Cancel', () => modal.close())]),
    ],
  });
  modal.element.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void submit();
      }
    },
    true,
  );
  name.focus();
}
