// Drawing a relationship, second half: after the target is clicked, choose a type that fits both
// ends (per the schema), add properties and evidence, and create it.
import type { EdgeCreateRequest, GraphNode, PropertyValue, SchemaResponse } from '../../../contract';
import { ApiError, describeError } from '../api/api-error';
import type { CurationApi } from '../api/curation-api';
import { button, el } from '../ui/dom';
import type { CurationOperations } from './curation-operations';
import { createEvidenceEntry } from './evidence-input';
import { openModal } from './modal';
import { slotOfField } from './node-draft';
import { fittingTypes } from './relationship-fit';

let dialogs = 0;

/** One "key = value" property row of the new relationship; `keys` names the datalist of allowed keys. */
function propertyRow(keys: string): { element: HTMLElement; read(): [string, PropertyValue] | null } {
  const key = el('input', {
    className: 'form-input',
    testId: 'rel-prop-key',
    attrs: { type: 'text', list: keys, placeholder: 'property (e.g. role)', 'aria-label': 'Property name' },
  });
  const value = el('input', {
    className: 'form-input',
    testId: 'rel-prop-value',
    attrs: { type: 'text', placeholder: 'value', 'aria-label': 'Property value' },
  });
  return {
    element: el('div', { className: 'rel-prop-row' }, [key, value]),
    read: () => (key.value.trim() && value.value.trim() ? [key.value.trim(), value.value.trim()] : null),
  };
}

/** Opens the chooser for `from` -> `to`; on success the relationship is drawn and selected. */
export function openRelationshipDialog(o: {
  api: CurationApi;
  ops: CurationOperations;
  schema: SchemaResponse;
  from: GraphNode;
  to: GraphNode;
  notify(text: string): void;
}): void {
  const options = fittingTypes(o.schema.relationshipTypes, o.from.labels, o.to.labels);
  const type = el(
    'select',
    { className: 'form-input', testId: 'rel-type', attrs: { 'aria-label': 'Relationship type' } },
    options.map((t, i) =>
      el('option', {
        text: t.reversed ? `${t.type} (${o.to.name} → ${o.from.name})` : t.type,
        attrs: { value: String(i) },
      }),
    ),
  );
  const typeMessage = el('p', {
    className: 'form-message',
    testId: 'rel-type-error',
    attrs: { role: 'alert' },
  });
  const keysId = `rel-prop-keys-${++dialogs}`;
  const keyList = el('datalist', { attrs: { id: keysId } });
  const syncKeys = (): void => {
    const chosen = options[Number(type.value)];
    const allowed = chosen ? Object.keys(o.schema.properties?.relationshipTypes[chosen.type] ?? {}) : [];
    keyList.replaceChildren(...allowed.sort().map((k) => el('option', { attrs: { value: k } })));
  };
  type.addEventListener('change', syncKeys);
  syncKeys();
  const rows = [propertyRow(keysId)];
  const propList = el(
    'div',
    { className: 'rel-props' },
    rows.map((r) => r.element),
  );
  const addRow = button(
    'Add property',
    () => {
      const r = propertyRow(keysId);
      rows.push(r);
      propList.append(r.element);
    },
    { testId: 'rel-add-property' },
  );
  const evidence = createEvidenceEntry(o.api, { required: true });
  const message = el('p', { className: 'form-message', testId: 'rel-message', attrs: { role: 'alert' } });
  const create = button('Create relationship', () => void submit(), {
    className: 'primary',
    testId: 'rel-create',
  });
  create.disabled = options.length === 0;

  const submit = async (): Promise<void> => {
    message.textContent = '';
    typeMessage.textContent = '';
    const chosen = options[Number(type.value)];
    if (!chosen) {
      typeMessage.textContent = 'Choose a relationship type.';
      return;
    }
    const reading = evidence.read();
    if (reading.kind !== 'ok') {
      evidence.showError(reading.kind === 'invalid' ? reading.message : 'Evidence is required.');
      return;
    }
    evidence.showError('');
    const properties = Object.fromEntries(
      rows.map((r) => r.read()).filter((x): x is [string, PropertyValue] => x !== null),
    );
    const [source, target] = chosen.reversed ? [o.to.id, o.from.id] : [o.from.id, o.to.id];
    const body: EdgeCreateRequest = { type: chosen.type, source, target, evidence: [reading.evidence] };
    if (Object.keys(properties).length) body.properties = properties;
    create.disabled = true;
    try {
      const edge = await o.ops.createEdge(body);
      modal.close();
      o.notify(`Created ${edge.type}.`);
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      const slot = slotOfField(field);
      if (slot === 'evidence') evidence.showError(describeError(err));
      else if (field === 'type' || field === 'source' || field === 'target')
        typeMessage.textContent = describeError(err);
      else message.textContent = `${field ? `${field}: ` : ''}${describeError(err)}`;
    } finally {
      create.disabled = options.length === 0;
    }
  };

  const modal = openModal({
    title: 'New relationship',
    testId: 'relationship-dialog',
    body: [
      el('p', { className: 'rel-ends' }, [
        el('strong', { text: o.from.name }),
        el('span', { className: 'arrow', text: ' → ' }),
        el('strong', { text: o.to.name }),
      ]),
      options.length
        ? el('label', { className: 'field' }, [
            el('span', {
              className: 'field-name',
              text: 'Type (only those the schema allows between these labels)',
            }),
            type,
            typeMessage,
          ])
        : el('p', {
            className: 'form-message',
            testId: 'rel-no-type',
            text: `No relationship type joins a ${o.from.labels.join('/')} and a ${o.to.labels.join('/')}.`,
          }),
      el('h3', { className: 'details-subtitle', text: 'Properties' }),
      propList,
      keyList,
      addRow,
      evidence.element,
      message,
      el('div', { className: 'button-row' }, [
        create,
        button('Cancel', () => modal.close(), { testId: 'rel-cancel' }),
      ]),
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
  (options.length ? type : create).focus();
}
