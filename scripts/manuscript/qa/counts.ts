/** Counts of kinds of nodes, compared and put into words: what `qa-markup` and `qa-structure` share. */

/** How many of each kind of node a block has. */
export type Counts = Map<string, number>;

/**
 * The counts that differ, as `2 paragraphs, 1 quote` for the target and for the source.
 *
 * @param expected the source block's counts.
 * @param actual the translation's counts.
 * @param nameOf a kind's name in messages, singular and plural.
 * @returns both phrases, or `undefined` when every count agrees.
 */
export function describeDifference(
  expected: Counts,
  actual: Counts,
  nameOf: (key: string) => [string, string],
): { expected: string; actual: string } | undefined {
  const keys = [...new Set([...expected.keys(), ...actual.keys()])].filter(
    (key) => (expected.get(key) ?? 0) !== (actual.get(key) ?? 0),
  );
  if (keys.length === 0) return undefined;
  const phrase = (counts: Counts) =>
    keys
      .map((key) => {
        const count = counts.get(key) ?? 0;
        const [one, many] = nameOf(key);
        return `${count} ${count === 1 ? one : many}`;
      })
      .join(', ');
  return { expected: phrase(expected), actual: phrase(actual) };
}
