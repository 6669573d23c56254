// The Export panel: the scene (or the selection) as a PNG or SVG image, or as data from POST /api/export.
// It never touches Cytoscape: images come from the graph view's export methods, data from the server.
import type { ExportFormat } from '../../../contract';
import { ApiError, describeError, isAbortError } from '../api/api-error';
import type { GraphView, ImageExportOptions } from '../graph/graph-view';
import type { Actions } from '../state/actions';
import type { State } from '../state/state';
import type { ReadableStore } from '../state/store';
import { button, el } from '../ui/dom';
import { legendImage } from '../ui/legend';
import { downloadExport, type ExportProgress } from './export-download';
import { CSV_VARIANTS, DATA_FORMATS, datedFilename, formatBytes } from './export-names';
import { exportNodeIds, selectedNodeIds } from './export-scope';
import { composePng, composeSvg, type ImageBackground } from './image-compose';
import './export-panel.css';
import { saveBlob } from './save-blob';
import { panelToggle } from '../ui/panel-toggle';

/** What the panel needs: the store, a few actions, and the view's image export. */
export interface ExportPanelDeps {
  store: ReadableStore<State>;
  actions: Pick<Actions, 'beginWork' | 'endWork' | 'notify'>;
  view: Pick<GraphView, 'exportPng' | 'exportSvg'>;
}

/** The mounted panel and what the toolbar and shortcuts call. */
export interface ExportPanel {
  element: HTMLElement;
  toggleButton: HTMLButtonElement;
  toggle(): void;
}

type Option = readonly [value: string, label: string];
function select(testId: string, label: string, options: readonly Option[]): HTMLSelectElement {
  return el(
    'select',
    { testId, attrs: { 'aria-label': label } },
    options.map(([value, text]) => el('option', { text, attrs: { value } })),
  );
}
function checkbox(testId: string, checked: boolean): HTMLInputElement {
  const box = el('input', { testId, attrs: { type: 'checkbox' } });
  box.checked = checked;
  return box;
}
const row = (text: string, control: HTMLElement): HTMLElement[] => [el('span', { text }), control];

/** Builds the panel (hidden until toggled). */
export function createExportPanel({ store, actions, view }: ExportPanelDeps): ExportPanel {
  const selectionOnly = checkbox('export-selection-only', false);
  const selectionLabel = el('span', { text: 'Selection only' });
  const imageFormat = select('export-image-format', 'Image format', [
    ['png', 'PNG (raster)'],
    ['svg', 'SVG (vector, labels as text)'],
  ]);
  const scale = select('export-scale', 'PNG scale', [
    ['1', '1×'],
    ['2', '2×'],
    ['4', '4×'],
  ]);
  const background = select('export-background', 'Background', [
    ['white', 'White'],
    ['transparent', 'Transparent'],
  ]);
  const frame = select('export-frame', 'Frame', [
    ['view', 'As on screen'],
    ['all', 'Everything shown, fitted'],
  ]);
  const withLegend = checkbox('export-legend', true);
  const dataFormat = select(
    'export-data-format',
    'Data format',
    DATA_FORMATS.map((f) => [f.format, f.label] as const),
  );
  const csvVariant = select(
    'export-csv-variant',
    'CSV for',
    CSV_VARIANTS.map((v) => [v.variant, v.label] as const),
  );
  const csvRows = el('fieldset', { testId: 'export-csv-options' }, [...row('CSV for', csvVariant)]);
  const briefingVariant = select('export-briefing-variant', 'Briefing document', [
    ['html', 'HTML page (figure inline)'],
    ['markdown', 'Markdown (text and tables; the figure stays in the HTML)'],
  ]);
  const briefingTitle = el('input', {
    testId: 'export-briefing-title',
    attrs: {
      type: 'text',
      maxlength: '200',
      placeholder: 'Briefing title (optional)',
      'aria-label': 'Briefing title',
    },
  });
  const briefingRows = el('fieldset', { testId: 'export-briefing-options' }, [
    ...row('Document', briefingVariant),
    ...row('Title', briefingTitle),
  ]);
  const message = el('p', { className: 'form-message', testId: 'export-message', attrs: { role: 'status' } });
  const note = el('p', { className: 'export-note', testId: 'export-note' });
  const bar = el('progress', { testId: 'export-progress', attrs: { 'aria-label': 'Export progress' } });
  const barText = el('span', { testId: 'export-progress-text' });
  let downloading: AbortController | null = null;
  const cancel = button('Cancel', () => downloading?.abort(), { testId: 'export-cancel' });
  const progress = el('div', { className: 'export-progress', attrs: { 'aria-live': 'polite' } }, [
    bar,
    barText,
    cancel,
  ]);
  progress.hidden = true;

  const say = (text: string, kind: 'ok' | 'error' = 'ok'): void => {
    message.textContent = text;
    message.classList.toggle('ok', kind === 'ok');
  };
  /** Failures become a notice with their code, and a line in the panel. */
  const fail = (err: unknown): void => {
    if (isAbortError(err)) {
      say('Export cancelled.');
      return;
    }
    const code = err instanceof ApiError ? err.code : undefined;
    actions.notify('error', `Export failed: ${describeError(err)}`, code);
    say(`${describeError(err)}${code ? ` (${code})` : ''}`, 'error');
  };

  /** The nodes to export, or null (with a message) when there are none. */
  const scope = (): string[] | null => {
    const ids = exportNodeIds(store.get(), selectionOnly.checked);
    if (ids.length) return ids;
    say(
      selectionOnly.checked
        ? 'Select the nodes to export first (or untick "Selection only").'
        : 'The canvas shows nothing to export.',
      'error',
    );
    return null;
  };

  const saveImage = async (): Promise<void> => {
    const ids = scope();
    if (!ids) return;
    const s = store.get();
    const now = new Date();
    const bg = background.value as ImageBackground;
    const opts: ImageExportOptions = {
      only: ids,
      frame: frame.value === 'all' ? 'all' : 'view',
      scale: Number(scale.value),
    };
    const legend = withLegend.checked
      ? legendImage(
          ids.flatMap((id) => {
            const n = s.nodes.get(id);
            return n ? [n] : [];
          }),
        )
      : null;
    actions.beginWork();
    say('Drawing the image…');
    try {
      if (imageFormat.value === 'svg') {
        const svg = composeSvg(await view.exportSvg(opts), legend, bg);
        const name = datedFilename('svg', now, selectionOnly.checked);
        saveBlob(new Blob([svg], { type: 'image/svg+xml' }), name);
        say(`Saved ${name}.`);
      } else {
        const png = await composePng(await view.exportPng(opts), legend, opts.scale ?? 1, bg);
        const name = datedFilename('png', now, selectionOnly.checked);
        saveBlob(png, name);
        say(`Saved ${name} (${formatBytes(png.size)}).`);
      }
    } catch (err) {
      fail(err);
    } finally {
      actions.endWork();
    }
  };

  const showProgress = (p: ExportProgress): void => {
    if (p.total) {
      bar.max = p.total;
      bar.value = Math.min(p.received, p.total);
    } else bar.removeAttribute('value');
    const counts = p.nodes !== null ? ` · ${p.nodes} nodes, ${p.relationships ?? 0} relationships` : '';
    barText.textContent = p.total
      ? `${formatBytes(p.received)} of ${formatBytes(p.total)}${counts}`
      : `${formatBytes(p.received)} received${counts}`;
  };

  const saveData = async (): Promise<void> => {
    if (downloading) return;
    const ids = scope();
    if (!ids) return;
    const format = dataFormat.value as ExportFormat;
    downloading = new AbortController();
    progress.hidden = false;
    showProgress({ received: 0, total: null, nodes: null, relationships: null });
    say(`Asking the server for ${ids.length} node${ids.length === 1 ? '' : 's'}…`);
    actions.beginWork();
    try {
      const file = await downloadExport(format, ids, {
        onProgress: showProgress,
        signal: downloading.signal,
        selectionOnly: selectionOnly.checked,
        briefing: {
          variant: briefingVariant.value === 'markdown' ? 'markdown' : 'html',
          title: briefingTitle.value,
        },
        csvVariant: csvVariant.value === 'spreadsheet' ? 'spreadsheet' : 'neo4j-admin',
      });
      saveBlob(file.blob, file.filename);
      const counts =
        file.nodes !== null ? `: ${file.nodes} nodes, ${file.relationships ?? 0} relationships` : '';
      say(`Saved ${file.filename} (${formatBytes(file.blob.size)})${counts}.`);
    } catch (err) {
      fail(err);
    } finally {
      downloading = null;
      progress.hidden = true;
      actions.endWork();
    }
  };

  const syncScope = (s: State): void => {
    note.textContent = s.cooperation
      ? 'The cooperation view is open: this exports the explorer scene underneath it (filtered-out elements left out).'
      : 'Exports what the canvas shows: filtered-out elements are left out.';
    const n = selectedNodeIds(s).length;
    selectionOnly.disabled = n === 0;
    if (n === 0) selectionOnly.checked = false;
    selectionLabel.textContent = n
      ? `Selection only (${n} node${n === 1 ? '' : 's'})`
      : 'Selection only (nothing selected)';
  };
  const syncFormat = (): void => {
    scale.disabled = imageFormat.value === 'svg';
    briefingRows.hidden = dataFormat.value !== 'briefing';
    csvRows.hidden = dataFormat.value !== 'csv';
  };
  imageFormat.addEventListener('change', syncFormat);
  dataFormat.addEventListener('change', syncFormat);
  briefingTitle.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void saveData();
    }
  });

  const {
    button: toggleButton,
    close,
    toggle,
  } = panelToggle({
    label: 'Export',
    testId: 'export-toggle',
    title: 'Save the scene as an image or data (X)',
    controls: 'export-panel',
    slot: 'top-right',
    panel: () => element,
    onOpen: () => {
      syncScope(store.get());
      imageFormat.focus();
    },
  });

  const element = el(
    'section',
    {
      className: 'export-panel floating-card',
      testId: 'export-panel',
      attrs: { id: 'export-panel', role: 'dialog', 'aria-label': 'Export' },
    },
    [
      el('header', { className: 'floating-panel-header' }, [
        el('h2', { className: 'panel-title', text: 'Export' }),
        button('×', close, {
          className: 'panel-close',
          title: 'Close (Esc)',
          attrs: { 'aria-label': 'Close export' },
        }),
      ]),
      note,
      el('fieldset', {}, [el('label', { className: 'check' }, [selectionOnly, selectionLabel])]),
      el('h3', { className: 'details-subtitle', text: 'Image' }),
      el('fieldset', {}, [
        ...row('Format', imageFormat),
        ...row('Scale', scale),
        ...row('Background', background),
        ...row('Frame', frame),
        el('label', { className: 'check' }, [withLegend, el('span', { text: 'Include the legend' })]),
      ]),
      button('Save image', () => void saveImage(), { className: 'primary', testId: 'export-image' }),
      el('h3', { className: 'details-subtitle', text: 'Data' }),
      el('fieldset', {}, [...row('Format', dataFormat)]),
      csvRows,
      briefingRows,
      button('Download data', () => void saveData(), { testId: 'export-data' }),
      progress,
      message,
    ],
  );
  element.hidden = true;
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      close();
    }
  });
  store.subscribe((s, prev) => {
    if ((s.selection !== prev.selection || s.cooperation !== prev.cooperation) && !element.hidden)
      syncScope(s);
  });
  syncScope(store.get());
  syncFormat();

  return { element, toggleButton, toggle };
}
