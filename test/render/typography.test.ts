/** Typography per language: quotes, dashes, non-breaking spaces; hyphenation. */
import type { Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeHyphenate } from '../../scripts/render/hyphenate.js';
import { loadLabels } from '../../scripts/render/labels.js';
import { typeset } from '../../scripts/render/typography.js';

const labels = loadLabels();
const en = labels.get('en')?.typography;
const hu = labels.get('hu')?.typography;
if (!en || !hu) throw new Error('labels missing');
const nbsp = '\u00a0';

describe('typography', () => {
  it('sets each language’s quotation marks, nested ones too', () => {
    expect(typeset('a "model ally" and "a \'real\' test"', en)).toBe('a “model ally” and “a ‘real’ test”');
    expect(typeset('a "modellszövetséges" és "egy "belső" idézet"', hu)).toBe(
      `a${nbsp}„modellszövetséges” és „egy »belső« idézet”`,
    );
    expect(typeset('a “curly” quote', hu)).toBe(`a${nbsp}„curly” quote`);
    expect(typeset("Korea's role", en)).toBe('Korea’s role');
  });

  it('sets dashes and keeps what belongs together on one line', () => {
    expect(typeset('old - new', en)).toBe(`old${nbsp}– new`);
    expect(typeset('between 1998-2008', en)).toBe('between 1998–2008');
    expect(typeset('A. SNYDER, Scott', en)).toBe(`A.${nbsp}SNYDER, Scott`);
    expect(typeset('approximately 350 billion', en)).toBe(`approximately 350${nbsp}billion`);
    expect(typeset('on June 25, 1950', en)).toBe(`on June${nbsp}25, 1950`);
    expect(typeset('mintegy 350 milliárd dollár', hu)).toBe(`mintegy 350${nbsp}milliárd dollár`);
    expect(typeset('1950. június 25-én', hu)).toBe(`1950.${nbsp}június${nbsp}25-én`);
    expect(typeset('szövetség – és más', hu)).toBe(`szövetség${nbsp}– és más`);
  });

  it('ties a Hungarian one-letter word to the next, so that no line ends with it', () => {
    expect(typeset('A háború és a béke, s e kettő', hu)).toBe(`A${nbsp}háború és a${nbsp}béke, s${nbsp}e${nbsp}kettő`);
    expect(typeset('(a "globális" stratégia) É felől', hu)).toBe(`(a${nbsp}„globális” stratégia) É${nbsp}felől`);
    // Not inside words, not in English.
    expect(typeset('Korea a', hu)).toBe('Korea a');
    expect(typeset('a war and a peace', en)).toBe('a war and a peace');
  });

  it('writes numeric dates in each language’s house form, however the manuscript writes them', () => {
    expect(typeset('Council on Foreign Relations, 2023.12.01. [Online, 2026.02.25.]', hu)).toBe(
      `Council on Foreign Relations, 2023.${nbsp}12.${nbsp}01. [Online, 2026.${nbsp}02.${nbsp}25.]`,
    );
    expect(typeset('U.S. Army War College, 2023.05. [Online]; Chatham House, 2025.12.', hu)).toBe(
      `U.S. Army War College, 2023.${nbsp}05. [Online]; Chatham House, 2025.${nbsp}12.`,
    );
    expect(typeset('2026. 02. 25. és 2026.02.25.', hu)).toBe(`2026.${nbsp}02.${nbsp}25. és 2026.${nbsp}02.${nbsp}25.`);
    expect(typeset('2026. 02. 25. and 2023. 05.', en)).toBe('2026.02.25. and 2023.05.');
    // Not dates: no month 13, no year of three digits, a version, a time, a decimal.
    for (const text of ['2026.13.01.', '202.02.25.', '1.2026.02.25', '3.5 and 2026.5.', '12.05.2026']) {
      expect(typeset(text, hu)).toBe(text);
    }
  });

  it('hyphenates running text by the language’s patterns, capitalised words too, never acronyms, headings or links', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('div', { className: ['segment'] }, [
          h('p', 'international relations'),
          h('p', { lang: 'hu' }, 'nemzetközi kapcsolatok Budapesten, MASGA'),
          h('h2', 'international'),
          h('p', [h('a', { href: '#x' }, 'international')]),
        ]),
        h('p', 'international'),
      ],
    };
    unified().use(rehypeHyphenate, { lang: 'en' }).runSync(tree);
    const texts = JSON.stringify(tree);
    // Three letters at least after an English break ("interna-tional", never "internation-al").
    expect(texts).toContain('in\u00adter\u00adna\u00adtional re\u00adla\u00adtions');
    expect(texts).toContain(
      'nem\u00adzet\u00adkö\u00adzi kap\u00adcso\u00adla\u00adtok Bu\u00adda\u00adpes\u00adten, MASGA',
    );
    expect(texts.match(/"international"/g)).toHaveLength(3);
  });
});
