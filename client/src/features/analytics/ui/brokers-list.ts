// The brokers list: the nodes with the highest betweenness, each a button that selects and centres it.
import type { Broker } from '../scene-metrics';
import { el } from '../../../shared/dom';

/** The list's element and its redraw. */
export interface BrokersList {
  element: HTMLElement;
  draw(brokers: readonly Broker[], nameOf: (id: string) => string): void;
}

/** Creates the list; `onPick` runs on click or Enter/Space (entries are buttons). */
export function createBrokersList(onPick: (id: string) => void): BrokersList {
  const list = el('ol', {
    className: 'brokers',
    testId: 'brokers',
    attrs: { 'aria-label': 'Brokers: highest betweenness first' },
  });
  const empty = el('p', { className: 'panel-help', text: 'No node lies between others on the scene yet.' });
  const format = (v: number): string => v.toFixed(3);

  const draw = (brokers: readonly Broker[], nameOf: (id: string) => string): void => {
    empty.hidden = brokers.length > 0;
    list.replaceChildren(
      ...brokers.map((b) => {
        const name = nameOf(b.id);
        const entry = el(
          'button',
          {
            className: 'broker-entry',
            testId: 'broker-entry',
            attrs: {
              type: 'button',
              'data-id': b.id,
              // No aria-label: the name read out is the text shown (name and betweenness), as speech-input users say it.
              title: `Select and centre ${name} (betweenness ${format(b.value)})`,
            },
          },
          [
            el('span', { className: 'broker-name', text: name }),
            el('span', { className: 'broker-value', text: format(b.value) }),
          ],
        );
        entry.addEventListener('click', () => onPick(b.id));
        return el('li', {}, [entry]);
      }),
    );
  };
  return { element: el('div', {}, [list, empty]), draw };
}
