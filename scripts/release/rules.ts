/**
 * The closed lists of what a release refuses on and what `--verify` finds, and the
 * families of validator findings (EPUBCheck's and the Nu Html Checker's own ids);
 * `docs/release.md` has a section for each.
 */
import { defineRules } from '../messages/rules.js';

/** What `release` refuses on, and what `release --verify` finds wrong in a release folder. */
export const releaseRuleTable = defineRules('release', 'docs/release.md', {
  'manuscript-errors': { severity: 'error', summary: 'the manuscript has errors: never released, not even as a draft' },
  'missing-translation': { severity: 'error', summary: 'a segment without a translation (a draft may be released)' },
  'stale-translation': {
    severity: 'error',
    summary: 'a translation whose source changed since it was confirmed (a draft may be released)',
  },
  'unconfirmed-translation': {
    severity: 'error',
    summary: 'a translation never confirmed (a draft may be released)',
  },
  'validator-unavailable': {
    severity: 'error',
    summary: 'EPUBCheck or the Nu Html Checker could not be found or did not run',
  },
  'missing-file': { severity: 'error', summary: 'a file the release lists, or its list, is not in the folder' },
  'checksum-mismatch': { severity: 'error', summary: 'a file whose SHA-256 is not the one its list gives' },
  'size-mismatch': { severity: 'error', summary: 'a file whose size is not the one manifest.json gives' },
  'lists-disagree': { severity: 'error', summary: 'SHA256SUMS and manifest.json give a file different hashes' },
  'invalid-manifest': { severity: 'error', summary: 'manifest.json is not JSON' },
});

/** The release's rules by id. */
export const releaseRules = releaseRuleTable.rules;

/**
 * The validators' findings: one family each, the member's id the validator's own
 * (`epubcheck:RSC-005`, `nu:error`), its severity the validator's. A release refuses
 * on warnings too (a draft may be released).
 */
export const validatorRuleTable = {
  epubcheck: defineRules('epubcheck', 'docs/release.md', {
    epubcheck: { severity: 'error', summary: 'a fatal error, error or warning EPUBCheck reports on an EPUB' },
  }),
  nu: defineRules('nu', 'docs/release.md', {
    nu: { severity: 'error', summary: 'an error or warning the Nu Html Checker reports on an HTML page' },
  }),
} as const;
