// The timeline: a d3 axis of the scene's dated elements with a brush that sets the time filter, and the undated toggle.
import * as d3 from 'd3';
import { datedElements, type DatedElement } from '../dates';
import type { Filters, TimeWindow } from '../filters';
import { sceneVisibility } from '../scene-visibility';
import type { Actions } from '../../../state/actions';
import type { State } from '../../../state/state';
import type { ReadableStore } from '../../../state/store';
import { button, el, section } from '../../../shared/dom';

const WIDTH = 252;
const MARGIN = { top: 6, right: 10, bottom: 22, left: 10 };
const LANE_HEIGHT = 9;
/** Lanes before marks start to share one: keeps the panel short on a busy scene. */
const MAX_LANES = 8;
/** A one-day mark would be invisible; draw it at least this wide. */
const MIN_MARK_PX = 3;
const DAY_MS = 86_400_000;
/** A single date gets this much room either side, so its mark is not pinned to an edge. */
const PAD_MS = 180 * DAY_MS;

interface Mark {
  d: DatedElement;
  lane: number;
  x0: number;
  x1: number;
  name: string;
}

/** Greedy lane packing: each mark goes in the first lane free at its start. */
function packLanes(marks: Omit<Mark, 'lane'>[]): Mark[] {
  const laneEnds: number[] = [];
  return [...marks]
    .sort((a, b) => a.x0 - b.x0)
    .map((m) => {
      let lane = laneEnds.findIndex((end) => end + 2 <= m.x0);
      if (lane === -1)
        lane = laneEnds.length < MAX_LANES ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds));
      laneEnds[lane] = Math.max(laneEnds[lane] ?? -Infinity, m.x1);
      return { ...m, lane };
    });
}

function nameOf(s: State, d: DatedElement): string {
  if (d.group === 'node') return s.nodes.get(d.id)?.name ?? d.id;
  const e = s.edges.get(d.id);
  return e
    ? `${s.nodes.get(e.source)?.name ?? e.source} ${e.type} ${s.nodes.get(e.target)?.name ?? e.target}`
    : d.id;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The timeline section; the brush, the date fields and the toggle each make one `setFilters` call. */
export function createTimelinePanel(store: ReadableStore<State>, actions: Actions): HTMLElement {
  const set = (change: Partial<Filters>): void => actions.setFilters({ ...store.get().filters, ...change });
  const empty = el('p', {
    className: 'panel-help',
    testId: 'timeline-empty',
    text: "Nothing on the scene is dated: no node or relationship carries date, validFrom or validTo (the seed graph's sources state no dates).",
  });
  const svgEl = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const svg = d3
    .select(svgEl)
    .attr('class', 'timeline-svg')
    .attr('width', WIDTH)
    .attr('data-testid', 'timeline')
    .attr('role', 'img');
  const marksG = svg.append('g').attr('class', 'timeline-marks');
  const axisG = svg.append('g').attr('class', 'timeline-axis');
  const brushG = svg.append('g').attr('class', 'timeline-brush').attr('data-testid', 'timeline-brush');
  let x = d3.scaleUtc();

  const brush = d3.brushX<unknown>().on('end', (event: d3.D3BrushEvent<unknown>) => {
    if (!event.sourceEvent) return; // moved by render(), not by the user
    const sel = event.selection as [number, number] | null;
    set({ time: sel ? { from: x.invert(sel[0]).toISOString(), to: x.invert(sel[1]).toISOString() } : null });
  });

  const from = el('input', { testId: 'timeline-from', attrs: { type: 'date', 'aria-label': 'Window from' } });
  const to = el('input', { testId: 'timeline-to', attrs: { type: 'date', 'aria-label': 'Window to' } });
  const onDates = (): void => {
    if (!from.value && !to.value) {
      set({ time: null });
      return;
    }
    const [d0, d1] = x.domain().map((d) => d.getTime()) as [number, number];
    const start = from.value ? Date.parse(`${from.value}T00:00:00.000Z`) : d0;
    const end = to.value ? Date.parse(`${to.value}T23:59:59.999Z`) : d1;
    if (Number.isNaN(start) || Number.isNaN(end) || start > end) return;
    set({ time: { from: new Date(start).toISOString(), to: new Date(end).toISOString() } });
  };
  from.addEventListener('change', onDates);
  to.addEventListener('change', onDates);
  const clearWindow = button('Clear window', () => set({ time: null }), {
    testId: 'timeline-clear',
    title: 'Show every date again',
  });
  const readout = el('p', { className: 'panel-help', testId: 'timeline-readout', attrs: { role: 'status' } });
  const undated = button(
    '',
    () => set({ undated: store.get().filters.undated === 'shown' ? 'hidden' : 'shown' }),
    {
      testId: 'undated-toggle',
      className: 'undated-toggle',
      title: 'Show or hide the elements that carry no date',
    },
  );
  const plot = el('div', { className: 'timeline-plot' }, [svgEl]);
  const controls = el('div', { className: 'timeline-window' }, [from, to, clearWindow]);

  const drawBrush = (time: TimeWindow | null, height: number): void => {
    const [r0, r1] = x.range() as [number, number];
    brush.extent([
      [r0, MARGIN.top],
      [r1, height - MARGIN.bottom],
    ]);
    brushG.call(brush);
    const sel = time
      ? ([Math.max(r0, x(new Date(time.from))), Math.min(r1, x(new Date(time.to)))] as [number, number])
      : null;
    brushG.call(brush.move, sel && sel[1] > sel[0] ? sel : null);
  };

  let prev: State | null = null;
  const render = (s: State): void => {
    if (prev && s.nodes === prev.nodes && s.edges === prev.edges && s.filters === prev.filters) return;
    prev = s;
    const f = s.filters;
    const v = sceneVisibility(s);
    undated.textContent = `Undated: ${f.undated} (${v.undated})`;
    undated.setAttribute('aria-pressed', String(f.undated === 'hidden'));
    undated.classList.toggle('active', f.undated === 'hidden');
    from.value = f.time ? f.time.from.slice(0, 10) : '';
    to.value = f.time ? f.time.to.slice(0, 10) : '';
    clearWindow.disabled = !f.time;

    const dated = datedElements(s.nodes.values(), s.edges.values());
    empty.hidden = dated.length > 0;
    plot.hidden = controls.hidden = dated.length === 0;
    if (!dated.length) {
      readout.textContent = f.time
        ? `Time window ${isoDay(Date.parse(f.time.from))} – ${isoDay(Date.parse(f.time.to))} is set, but nothing on the scene is dated.`
        : '';
      return;
    }
    const finite = dated.flatMap((d) => [d.interval.start, d.interval.end]).filter(Number.isFinite);
    // Open-ended validity runs to today: the axis reaches it so the mark shows it is still in force.
    if (dated.some((d) => d.interval.end === Infinity)) finite.push(Date.now());
    let d0 = Math.min(...finite);
    let d1 = Math.max(...finite);
    if (d1 - d0 < DAY_MS) {
      d0 -= PAD_MS;
      d1 += PAD_MS;
    }
    x = d3
      .scaleUtc()
      .domain([new Date(d0), new Date(d1)])
      .range([MARGIN.left, WIDTH - MARGIN.right])
      .nice();
    const [r0, r1] = x.range() as [number, number];
    const marks = packLanes(
      dated.map((d) => {
        const x0 = Math.max(r0, x(new Date(Math.max(d.interval.start, x.domain()[0]!.getTime()))));
        const x1 = Math.min(r1, x(new Date(Math.min(d.interval.end, x.domain()[1]!.getTime()))));
        return { d, x0, x1: Math.max(x1, x0 + MIN_MARK_PX), name: nameOf(s, d) };
      }),
    );
    const lanes = Math.max(1, ...marks.map((m) => m.lane + 1));
    const height = MARGIN.top + lanes * LANE_HEIGHT + 6 + MARGIN.bottom;
    svg
      .attr('height', height)
      .attr('data-domain-start', x.domain()[0]!.getTime())
      .attr('data-domain-end', x.domain()[1]!.getTime())
      .attr('data-range-start', r0)
      .attr('data-range-end', r1)
      .attr(
        'aria-label',
        `Timeline of ${dated.length} dated elements, ${isoDay(x.domain()[0]!.getTime())} to ${isoDay(x.domain()[1]!.getTime())}`,
      );
    const window = f.time ? ([Date.parse(f.time.from), Date.parse(f.time.to)] as const) : null;
    const inside = (m: Mark): boolean =>
      !window || (m.d.interval.start <= window[1] && m.d.interval.end >= window[0]);
    marksG
      .selectAll<SVGRectElement, Mark>('rect.timeline-mark')
      .data(marks, (m) => m.d.id)
      .join((enter) =>
        enter
          .append('rect')
          .attr('class', 'timeline-mark')
          .call((r) => r.append('title')),
      )
      .attr('x', (m) => m.x0)
      .attr('width', (m) => m.x1 - m.x0)
      .attr('y', (m) => MARGIN.top + m.lane * LANE_HEIGHT)
      .attr('height', LANE_HEIGHT - 3)
      .attr('data-id', (m) => m.d.id)
      .classed('edge-mark', (m) => m.d.group === 'edge')
      .classed('open-ended', (m) => m.d.openEnded)
      .classed('outside', (m) => !inside(m))
      .call((r) =>
        r
          .select('title')
          .text(
            (m) =>
              `${m.name}: ${Number.isFinite(m.d.interval.start) ? isoDay(m.d.interval.start) : '…'} – ${Number.isFinite(m.d.interval.end) ? isoDay(m.d.interval.end) : 'open-ended'}`,
          ),
      );
    axisG.attr('transform', `translate(0,${height - MARGIN.bottom})`).call(d3.axisBottom(x).ticks(4));
    drawBrush(f.time, height);
    const shown = marks.filter(inside).length;
    readout.textContent = window
      ? `Window ${isoDay(window[0])} – ${isoDay(window[1])}: ${shown} of ${dated.length} dated elements overlap it.`
      : `${dated.length} dated element${dated.length === 1 ? '' : 's'}. Drag across the timeline to keep only what overlaps a period.`;
  };
  store.subscribe(render);
  render(store.get());

  return section('Timeline', [empty, plot, controls, readout, undated], 'timeline-panel');
}
