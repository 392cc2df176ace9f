/** Interface labels through i18next, plurals and dates per language. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabels } from '../../scripts/render/labels.js';
import { localesDir, supportedLanguages } from '../../scripts/project.js';

describe('labels', () => {
  const labels = loadLabels();
  const en = labels.get('en');
  const hu = labels.get('hu');

  it('has both languages, with the same keys', () => {
    expect(supportedLanguages()).toEqual(['en', 'hu']);
    const keys = (lang: string) => {
      const flatten = (value: unknown, prefix = ''): string[] =>
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? Object.entries(value).flatMap(([key, inner]) => flatten(inner, `${prefix}${key}.`))
          : [prefix.replace(/_(one|other)\.$/, '.')];
      return [...new Set(flatten(JSON.parse(readFileSync(path.join(localesDir, `${lang}.json`), 'utf8'))))].sort();
    };
    expect(keys('hu')).toEqual(keys('en'));
  });

  it('translates labels and applies each language’s plural rules', () => {
    expect(en?.t('editors')).toBe('Editors');
    expect(hu?.t('editors')).toBe('Szerkesztők');
    expect(en?.t('professionalReviewer', { count: 1 })).toBe('Professional Reviewer');
    expect(en?.t('professionalReviewer', { count: 2 })).toBe('Professional Reviewers');
    expect(hu?.t('professionalReviewer', { count: 1 })).toBe('Szakmai lektor');
    expect(hu?.t('professionalReviewer', { count: 2 })).toBe('Szakmai lektorok');
    // Hungarian nouns stay singular after a numeral.
    expect(hu?.t('footnoteCount', { count: 26 })).toBe('26 jegyzet');
    expect(en?.t('footnoteCount', { count: 26 })).toBe('26 notes');
    expect(hu?.t('issueNumber', { issue: '2026/3' })).toBe('2026/3. szám');
  });

  it('formats dates in each language’s form', () => {
    expect(en?.formatDate('2026-04-09')).toBe('9 April 2026');
    expect(hu?.formatDate('2026-04-09')).toBe('2026. április 9.');
    expect(hu?.formatDate('2026-12-31')).toBe('2026. december 31.');
  });
});
