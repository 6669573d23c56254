// Collapse as pure data: which nodes and edges undoing a node's expansions removes, and which stay.

/** What collapse needs of one expansion (structurally the State's Expansion). */
export interface ExpansionTrace {
  addedNodes: ReadonlySet<string>;
  addedEdges: ReadonlySet<string>;
  reached: ReadonlySet<string>;
}

/** The parts of the scene collapse reads; plain data so it can be tested without a canvas. */
export interface CollapseInput {
  edges: Iterable<{ id: string; source: string; target: string }>;
  expansions: ReadonlyMap<string, ExpansionTrace>;
  /** Elements that never go: pinned nodes, the highlighted path's nodes and edges. */
  keep: ReadonlySet<string>;
}

/** Ids to remove from the canvas. */
export interface CollapsePlan {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * What collapsing `id` removes: the nodes and edges its expansions added, except
 * - kept elements (pinned, on the highlighted path),
 * - nodes the user expanded themselves (their own neighbourhoods would be orphaned),
 * - nodes another remaining expansion also brought (they belong to that neighbourhood too),
 *   and the edges tying such an expansion to its neighbours.
 * Nodes that were on the canvas before the expansion are never in `addedNodes`, so they stay.
 */
export function collapsePlan(input: CollapseInput, id: string): CollapsePlan {
  const own = input.expansions.get(id);
  if (!own) return { nodes: new Set(), edges: new Set() };
  const nodes = new Set(
    [...own.addedNodes].filter((n) => n !== id && !input.keep.has(n) && !input.expansions.has(n)),
  );
  // Another expansion protects what it reached, unless its own node is going too; repeat until stable.
  for (let changed = true; changed;) {
    changed = false;
    for (const [centre, exp] of input.expansions) {
      if (centre === id || nodes.has(centre)) continue;
      for (const n of exp.reached) {
        if (nodes.delete(n)) changed = true;
      }
    }
  }
  const belongsElsewhere = (a: string, b: string): boolean => {
    const exp = a !== id && !nodes.has(a) ? input.expansions.get(a) : undefined;
    return !!exp && exp.reached.has(b);
  };
  const edges = new Set<string>();
  for (const e of input.edges) {
    if (input.keep.has(e.id)) continue;
    if (nodes.has(e.source) || nodes.has(e.target)) edges.add(e.id);
    else if (
      own.addedEdges.has(e.id) &&
      !belongsElsewhere(e.source, e.target) &&
      !belongsElsewhere(e.target, e.source)
    )
      edges.add(e.id);
  }
  return { nodes, edges };
}
