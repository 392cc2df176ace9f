/** "Did you mean …?": the closest of the known words to one mistyped. */
import leven from 'leven';

/**
 * The known word nearest to `word`, when it is near enough to be a slip of the
 * keyboard: at most a third of its letters changed (and at least one allowed).
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = leven(word, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** What ends the sentence that names `word`: `; did you mean x?`, or `.` when no known word is near. */
export function didYouMean(word: string, known: readonly string[]): string {
  const candidate = closest(word, known);
  return candidate === undefined ? '.' : `; did you mean ${candidate}?`;
}
