/**
 * Counts in the program's English messages, grouped by thousands: 12,345.
 *
 * `Intl.NumberFormat` says the same, but building the first one costs about 25 ms of
 * ICU set-up: a twentieth of what `jlaga check` may take, for a comma.
 */

/** A whole number with a comma between each group of three digits. */
export function formatCount(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
