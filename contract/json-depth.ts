// How deeply a JSON value nests, measured without recursion: the body guard and the console's parameters use it.

/** True when `value` nests no deeper than `max` (walked without recursion, so hostile depth cannot overflow). */
export function depthWithin(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) return false;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return true;
}
