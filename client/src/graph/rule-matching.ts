// Which stylesheet rules an element matches, worked out once per kind of element rather than once per element.
//
// Cytoscape styles an element by testing every rule's selector against it, one call per rule, and writing a 't' or
// an 'f' per rule into a key that picks the element's merged style. The explorer's stylesheet has about 70 rules
// after Cytoscape's own 7, so a 10k-element scene makes some 760,000 selector calls before its first frame: measured
// without a browser (2026-12-07, fast mode), about 90 of its 240 ms of style work, against 25 ms for stock Cytoscape's
// 7 rules.
//
// Most rules test only an element's group and classes (`node.kind-Country`, `edge.path`, `.filtered`). Their answer
// is the same for every element of the same group with the same classes, so it is kept per group and class set. A
// rule that tests anything else (data, a state such as `:selected`, an id, neighbours) is still tested on each
// element, and only where its group and class tests do not already rule it out: `edge.coop[weight <= 1]` is tested on
// cooperation edges only. The key is the same string Cytoscape builds, so everything after it (the merged style,
// which properties changed) is Cytoscape's own.
//
// The answers are dropped whenever the stylesheet gains or loses a rule (Cytoscape's `selector` and `clear`, which
// every way of setting a stylesheet goes through). A Cytoscape whose selectors are not built as this file expects
// keeps its own matching (checked once, on a probe rule).
import cytoscape from 'cytoscape';

/** One test of a selector's query, as Cytoscape parses it: `{ type: GROUP, value: 'nodes' }`. */
interface Check {
  type: number;
  value?: unknown;
}

interface SelectorInternals {
  length: number;
  [query: number]: { checks: Check[] } | undefined;
  matches(ele: ElementInternals): boolean;
}

interface ElementInternals {
  _private: { group: string; classes: Set<string>; styleCxtKey?: string };
}

interface ContextMeta {
  key: string;
  diffPropNames: string[];
  empty: boolean;
}

interface StyleInternals {
  length: number;
  [index: number]: { selector: SelectorInternals | null } | undefined;
  _private: { cy: cytoscape.Core };
  getContextMeta(this: StyleInternals, ele: ElementInternals): ContextMeta;
  getPropertiesDiff(this: StyleInternals, fromKey: string, toKey: string): string[];
  selector(this: StyleInternals, selector: string): unknown;
  clear(this: StyleInternals): unknown;
}

/** Cytoscape's query test types for an element's group and for one of its classes (its `Type` enum). */
const GROUP = 0;
const CLASS = 9;

/** A query's group and class tests, which an element's group and class set decide. */
interface StaticTests {
  groups: string[];
  classes: string[];
}

/** A rule other than group and class tests: the queries that could match, by their group and class tests. */
interface Dynamic {
  index: number;
  queries: StaticTests[];
}

/** What a stylesheet's rules test. */
interface Plan {
  /** Per rule: its group and class tests (any query passing them matches), or null: none, or see `dynamic`. */
  statics: (StaticTests[] | null)[];
  dynamic: Dynamic[];
  /** Per group and class set: the key with the static rules' answers, and which dynamic rules need a test. */
  kinds: Map<string, Kind>;
}

interface Kind {
  /** The key's characters, with the dynamic rules' places to be filled in. */
  chars: string[];
  /** The dynamic rules whose group and class tests pass for this kind (their places in `chars`). */
  toTest: Dynamic[];
  /** Finished keys by the dynamic rules' answers ('' when there are none to test). */
  keys: Map<string, string>;
}

// The same characters Cytoscape writes.
const MATCH = 't';
const MISS = 'f';

const plans = new WeakMap<StyleInternals, Plan>();
const memoised = new WeakSet<cytoscape.Core>();
let installed = false;

/** Whether a check tests only what an element's group and class set decide. */
const isStaticCheck = (check: Check): boolean =>
  (check.type === GROUP || check.type === CLASS) && typeof check.value === 'string';

/** The group and class tests among a query's checks (any others left out). */
function staticPart(checks: Check[]): StaticTests {
  const tests: StaticTests = { groups: [], classes: [] };
  for (const check of checks.filter(isStaticCheck))
    (check.type === GROUP ? tests.groups : tests.classes).push(check.value as string);
  return tests;
}

function passes(tests: StaticTests, group: string, classes: Set<string>): boolean {
  return tests.groups.every((g) => g === '*' || g === group) && tests.classes.every((c) => classes.has(c));
}

function planOf(style: StyleInternals): Plan {
  const known = plans.get(style);
  if (known) return known;
  const plan: Plan = { statics: [], dynamic: [], kinds: new Map() };
  for (let i = 0; i < style.length; i++) {
    // No selector (the 'core' rule) or one that failed to parse has no queries, and matches no element.
    const selector = style[i]?.selector ?? null;
    const checks: Check[][] = [];
    for (let q = 0; selector && q < selector.length; q++) checks.push(selector[q]?.checks ?? []);
    const queries = checks.map(staticPart);
    if (checks.every((c) => c.every(isStaticCheck))) plan.statics.push(queries);
    else {
      plan.statics.push(null);
      plan.dynamic.push({ index: i, queries });
    }
  }
  plans.set(style, plan);
  return plan;
}

function kindOf(plan: Plan, group: string, classes: Set<string>): Kind {
  const chars = plan.statics.map((queries) =>
    queries && queries.some((q) => passes(q, group, classes)) ? MATCH : MISS,
  );
  const toTest = plan.dynamic.filter((d) => d.queries.some((q) => passes(q, group, classes)));
  return { chars, toTest, keys: new Map() };
}

/** Whether Cytoscape parses a `node.class` selector into the group and class tests this file reads. */
function selectorsAsExpected(): boolean {
  const probe = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node.probe', style: {} }],
  });
  try {
    const style = probe.style() as unknown as StyleInternals;
    const checks = style[style.length - 1]?.selector?.[0]?.checks ?? [];
    return (
      checks.length === 2 &&
      checks[0]?.type === GROUP &&
      checks[0].value === 'nodes' &&
      checks[1]?.type === CLASS &&
      checks[1].value === 'probe'
    );
  } finally {
    probe.destroy();
  }
}

/** Whether `cy` matches rules per kind of element (see the top of this file). */
export function ruleMatchingMemoisedOn(cy: cytoscape.Core): boolean {
  return installed && memoised.has(cy);
}

/**
 * Makes `cy` work out each rule's group and class tests once per kind of element (see the top of this file). Other
 * Cytoscape instances (stock ones in the benchmark among them) keep Cytoscape's own matching.
 */
export function memoiseRuleMatching(cy: cytoscape.Core): void {
  if (!installed) {
    const proto = Object.getPrototypeOf(cy.style()) as Partial<StyleInternals> | null;
    const { getContextMeta, selector, clear } = proto ?? {};
    if (
      !proto ||
      typeof getContextMeta !== 'function' ||
      typeof selector !== 'function' ||
      typeof clear !== 'function' ||
      typeof proto.getPropertiesDiff !== 'function' ||
      !selectorsAsExpected()
    )
      return;
    proto.selector = function (this: StyleInternals, text) {
      plans.delete(this);
      return selector.call(this, text);
    };
    proto.clear = function (this: StyleInternals) {
      plans.delete(this);
      return clear.call(this);
    };
    proto.getContextMeta = function (this: StyleInternals, ele) {
      if (!memoised.has(this._private.cy)) return getContextMeta.call(this, ele);
      const plan = planOf(this);
      const p = ele._private;
      let sig = p.group;
      for (const c of p.classes) sig += ' ' + c;
      let kind = plan.kinds.get(sig);
      if (!kind) plan.kinds.set(sig, (kind = kindOf(plan, p.group, p.classes)));
      let answers = '';
      for (const d of kind.toTest) answers += this[d.index]?.selector?.matches(ele) ? MATCH : MISS;
      let key = kind.keys.get(answers);
      if (key === undefined) {
        const chars = kind.chars.slice();
        kind.toTest.forEach((d, i) => (chars[d.index] = answers[i] ?? MISS));
        key = chars.join('');
        kind.keys.set(answers, key);
      }
      const prevKey = p.styleCxtKey ?? '';
      const diffPropNames = this.getPropertiesDiff(prevKey, key);
      p.styleCxtKey = key;
      return { key, diffPropNames, empty: diffPropNames.length === 0 };
    };
    installed = true;
  }
  memoised.add(cy);
}
