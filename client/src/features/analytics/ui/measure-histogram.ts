// A d3 histogram of one measure over the measured nodes: axes, bins, and the count of a bar on hover or focus.
import * as d3 from 'd3';
import { el } from '../../../shared/dom';

const WIDTH = 252;
const HEIGHT = 118;
const MARGIN = { top: 6, right: 10, bottom: 22, left: 30 };
/** Roughly this many bins: enough to see a skew, few enough to hover each. */
const BIN_TARGET = 10;

/** The histogram's element and its redraw. */
export interface MeasureHistogram {
  element: HTMLElement;
  /** Draws `values` (one per node) of the measure called `label`. */
  draw(values: readonly number[], label: string, integer: boolean): void;
}

/** Creates an empty histogram. */
export function createMeasureHistogram(): MeasureHistogram {
  const svgEl = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const svg = d3
    .select(svgEl)
    .attr('class', 'histogram-svg')
    .attr('width', WIDTH)
    .attr('height', HEIGHT)
    .attr('role', 'group');
  const bars = svg.append('g').attr('class', 'histogram-bars');
  const xAxis = svg
    .append('g')
    .attr('class', 'histogram-axis')
    .attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`);
  const yAxis = svg
    .append('g')
    .attr('class', 'histogram-axis')
    .attr('transform', `translate(${MARGIN.left},0)`);
  const readout = el('p', {
    className: 'histogram-readout',
    testId: 'histogram-readout',
    attrs: { 'aria-live': 'polite' },
  });
  let idleText = '';
  /** Set on each draw: bars bound earlier read the current measure's wording through it. */
  let describe: (b: d3.Bin<number, number>) => string = () => '';

  const draw = (values: readonly number[], label: string, integer: boolean): void => {
    const max = d3.max(values) ?? 0;
    // Integer measures bin as [k, k+1): the domain runs one past the maximum so it gets a full bar.
    const top = integer ? max + 1 : max > 0 ? max : 1;
    const x = d3
      .scaleLinear()
      .domain([0, top])
      .range([MARGIN.left, WIDTH - MARGIN.right])
      .nice(BIN_TARGET);
    const [lo, hi] = x.domain() as [number, number];
    const ticks = integer ? x.ticks(BIN_TARGET).filter((t) => Number.isInteger(t)) : x.ticks(BIN_TARGET);
    const bins = d3.bin().domain([lo, hi]).thresholds(ticks)([...values]);
    const y = d3
      .scaleLinear()
      .domain([0, d3.max(bins, (b) => b.length) ?? 1])
      .range([HEIGHT - MARGIN.bottom, MARGIN.top])
      .nice();
    const fmt = integer ? d3.format('d') : d3.format('.3~g');
    /** Integer bins read inclusively ("2–4", or "3" for a one-value bin); others as their bounds. */
    const range = (b: d3.Bin<number, number>): string => {
      const x0 = b.x0 ?? 0;
      const x1 = b.x1 ?? 0;
      if (!integer) return `${fmt(x0)}–${fmt(x1)}`;
      return x1 - 1 <= x0 ? fmt(x0) : `${fmt(x0)}–${fmt(x1 - 1)}`;
    };
    describe = (b) => `${b.length} node${b.length === 1 ? '' : 's'} with ${label.toLowerCase()} ${range(b)}`;
    idleText = `${values.length} node${values.length === 1 ? '' : 's'} measured; hover or focus a bar for its count.`;
    readout.textContent = idleText;

    bars
      .selectAll<SVGRectElement, d3.Bin<number, number>>('rect.histogram-bar')
      .data(bins)
      .join((enter) =>
        enter
          .append('rect')
          .attr('class', 'histogram-bar')
          .attr('tabindex', 0)
          // A focusable bar with a name of its own: an image inside the chart's group (an svg `rect` takes no label).
          .attr('role', 'img')
          .on('mouseenter focus', (_e, b) => {
            readout.textContent = describe(b);
          })
          .on('mouseleave blur', () => {
            readout.textContent = idleText;
          }),
      )
      .attr('x', (b) => x(b.x0 ?? 0) + 1)
      .attr('width', (b) => Math.max(1, x(b.x1 ?? 0) - x(b.x0 ?? 0) - 2))
      .attr('y', (b) => y(b.length))
      .attr('height', (b) => y(0) - y(b.length))
      .attr('data-count', (b) => b.length)
      .attr('aria-label', (b) => describe(b))
      .classed('empty', (b) => b.length === 0);
    xAxis.call(
      d3
        .axisBottom(x)
        .ticks(5)
        .tickFormat((v) => fmt(Number(v))),
    );
    yAxis.call(d3.axisLeft(y).ticks(3).tickFormat(d3.format('d')));
    svg.attr('aria-label', `Histogram of ${label} over ${values.length} nodes`);
  };

  return { element: el('div', { className: 'histogram', testId: 'histogram' }, [svgEl, readout]), draw };
}
