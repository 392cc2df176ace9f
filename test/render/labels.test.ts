/** Interface labels through i18next, plurals and dates per language. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hungarianArticle } from '../../scripts/render/hungarian-article.js';
import { loadLabels } from '../../scripts/render/labels.js';
import { wordmarkFile } from '../../scripts/render/print-page.js';
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

  it('has the institute’s wordmark in each language, named in it for screen readers', () => {
    const names: Record<string, string> = {
      en: 'John Lukacs Institute for Strategy and Politics',
      hu: 'John Lukacs Stratégiai és Politikai Intézet',
    };
    for (const lang of supportedLanguages()) {
      const svg = readFileSync(wordmarkFile(lang), 'utf8');
      expect(svg).toContain(`<title id="wordmark-title">${names[lang] ?? ''}</title>`);
    }
    expect(readFileSync(wordmarkFile('hu'), 'utf8')).toContain('>Stratégiai és Politikai Intézet</text>');
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

  it('writes the Hungarian article a number takes when read aloud: az 1., a 2., az 5.', () => {
    // Read aloud, only egy (1), öt (5) and ötven… (50–59) begin with a vowel up to 100.
    const vowel = new Set([1, 5, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    for (let number = 1; number <= 100; number++) {
      expect([number, hungarianArticle(number)]).toEqual([number, vowel.has(number) ? 'az' : 'a']);
    }
    const larger: Array<[number, 'a' | 'az']> = [
      [0, 'a'], // nulla
      [101, 'a'], // százegy
      [150, 'a'], // százötven
      [500, 'az'], // ötszáz
      [555, 'az'], // ötszázötvenöt
      [1000, 'az'], // ezer
      [1001, 'az'], // ezeregy
      [1500, 'az'], // ezerötszáz
      [2000, 'a'], // kétezer
      [5000, 'az'], // ötezer
      [10000, 'a'], // tízezer
      [50000, 'az'], // ötvenezer
      [100000, 'a'], // százezer
      [500000, 'az'], // ötszázezer
      [1000000, 'az'], // egymillió
      [2000000, 'a'], // kétmillió
    ];
    for (const [number, article] of larger) expect([number, hungarianArticle(number)]).toEqual([number, article]);
    expect(() => hungarianArticle('1.5')).toThrow();

    expect(hu?.t('backToReference', { number: 1 })).toBe('Vissza az 1. jegyzet hivatkozásához');
    expect(hu?.t('backToReference', { number: 2 })).toBe('Vissza a 2. jegyzet hivatkozásához');
    expect(hu?.t('backToReference', { number: 5 })).toBe('Vissza az 5. jegyzet hivatkozásához');
    expect(hu?.t('backToReference', { number: 26 })).toBe('Vissza a 26. jegyzet hivatkozásához');
    expect(en?.t('backToReference', { number: 1 })).toBe('Back to the reference of note 1');
  });

  it('formats dates in each language’s form', () => {
    expect(en?.formatDate('2026-04-09')).toBe('9 April 2026');
    expect(hu?.formatDate('2026-04-09')).toBe('2026. április 9.');
    expect(hu?.formatDate('2026-12-31')).toBe('2026. december 31.');
  });
});
