/**
 * The translation QA checks, in the order they run (and their warnings are made): the
 * only module that knows them all. A new check is one file here and one line below,
 * with its rule in `rules.ts`.
 */
import { brackets } from './brackets.js';
import { identical } from './identical.js';
import { length } from './length.js';
import { links } from './links.js';
import { markup } from './markup.js';
import { numbers } from './numbers.js';
import { punctuation } from './punctuation.js';
import { spacing } from './spacing.js';
import { structure } from './structure.js';
import type { QaCheck } from './types.js';

/** Every check, in order. */
export const qaChecks: readonly QaCheck[] = [
  numbers,
  links,
  markup,
  structure,
  punctuation,
  identical,
  length,
  spacing,
  brackets,
];
