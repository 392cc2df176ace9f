/**
 * Translation QA: how numbers are normalised across English and Hungarian, how a text
 * ends, which marks are unbalanced, and the `qa-ignore` marker at work.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { compareNumbers, numbersIn } from '../../scripts/manuscript/qa/number-tokens.js';
import { doubledSpaces, endMark, referenceMark, textRuns, unbalancedMarks } from '../../scripts/manuscript/qa/text-runs.js';
import { fixtures, messageLines, read, tempFolder } from '../helpers.js';

/** The first value of each number of `text`. */
const values = (text: string) => numbersIn(text).map((token) => token.values[0]);

/** The numbers that differ between an English and a Hungarian text, as written. */
function differences(en: string, hu: string): { missing: string[]; extra: string[] } {
  const { missing, extra } = compareNumbers(numbersIn(en), numbersIn(hu));
  return { missing: missing.map((token) => token.written), extra: extra.map((token) => token.written) };
}

const same = { missing: [], extra: [] };

describe('numbers across English and Hungarian', () => {
  it.each([
    ['$350 billion', '350 milliárd dollár'],
    ['3.5–5%', '3,5–5%'],
    ['about 3.5–5% of GDP', 'mintegy 3,5–5%-os célértékkel'],
    ['June 25, 1950', '1950. június 25-én'],
    ['2025.05.29.', '2025.05.29.'],
    ['38th parallel', '38. szélességi kör'],
    ['1,000', '1000'],
    ['1,000', '1 000'],
    ['1,000', '1.000'],
    ['350,000 troops', '350\u00A0000 katona'],
    ['25%', '25 %-os'],
    ['25 percent', '25 százalék'],
    ['25 per cent', '25%-kal'],
    ['In May 2022', '2022 májusában'],
    ['December 3, 2024', '2024. december 3-án'],
    ['the August 2025 summit', 'a 2025. augusztusi csúcstalálkozó'],
    ['in February 2026', '2026 februárjában'],
    ['in the 1950s', 'az 1950-es években'],
    ['the 21st century', 'a 21. század'],
    ['1945–1987', '1945–1987'],
    ['between 1945 and 2026', '1945 és 2026 között'],
    ['US$38.4 billion', 'US$38.4 billion'],
    ['Trump 2.0', 'Trump 2.0'],
    ['2023.05. [Online, 2026.02.25.]', '2023.05. [Online, 2026.02.25.]'],
    ['October 1, 1953', '1953.10.01.'],
    ['from 3.5 to 5%', '3,5-től 5%-ig'],
    ['two-front', 'kétfrontos'],
  ])('%s ↔ %s', (en, hu) => {
    expect(differences(en, hu)).toEqual(same);
  });

  it('reads thousands separators, decimal marks and percentages', () => {
    expect(values('1,000 and 1,000,000.5')).toEqual(['1000', '1000000.5']);
    expect(values('1 000 és 1.000.000,5')).toEqual(['1000', '1000000.5']);
    expect(values('3.50 and 3,5')).toEqual(['3.5', '3.5']);
    expect(values('25%, 25 %-os, 25 százalékos, 25 percent, 25 percentage points')).toEqual([
      '25%',
      '25%',
      '25%',
      '25%',
      '25%',
    ]);
    // `1,000` alone may be an English thousand or a Hungarian decimal.
    expect(numbersIn('1,000')[0]?.values).toEqual(['1000', '1']);
  });

  it('reads a date as its year, month and day', () => {
    expect(values('2026.02.25.')).toEqual(['2026', '2', '25']);
    expect(values('2026-02-25')).toEqual(['2026', '2', '25']);
    expect(values('25.02.2026')).toEqual(['25', '2', '2026']);
    expect(values('June 25, 1950')).toEqual(['6', '25', '1950']);
    expect(values('1950. június 25-én')).toEqual(['1950', '6', '25']);
    // A month name without a day or year next to it is a word, not a number.
    expect(values('in May or in March')).toEqual([]);
    expect(values('as it may be')).toEqual([]);
  });

  it('does not read number words, signs, suffixes or scale words', () => {
    expect(values('the second of two, kétfrontos')).toEqual([]);
    expect(values('-5 and 1945-ben, 350 milliárd')).toEqual(['5', '1945', '350']);
    expect(values('F-35, 38th, 38.')).toEqual(['35', '38', '38']);
  });

  it('names the numbers one language lacks or adds', () => {
    expect(differences('In 1950, about $350 billion.', '1953-ban mintegy 350 milliárd dollár.')).toEqual({
      missing: ['1950'],
      extra: ['1953'],
    });
    expect(differences('25%', '25')).toEqual({ missing: ['25%'], extra: ['25'] });
    expect(differences('June 25, 1950', '1950. július 25.')).toEqual({ missing: ['June'], extra: ['július'] });
    // A number repeated in one language and written once in the other is not a difference.
    expect(differences('1953 and again 1953', '1953')).toEqual(same);
  });
});

describe('the end of a text', () => {
  it.each([
    ['Stable.', '.'],
    ['Stable', 'none'],
    ['Is it stable?', '?'],
    ['Stable!', '!'],
    ['As follows:', ':'],
    ['And so on...', '…'],
    ['And so on…', '…'],
    ['a “model ally.”', '.'],
    ['egy „modellszövetséges”.', '.'],
    ['(see below.)', '.'],
    ['reinforcing.\uFFFC', '.'],
    ['[Online, 2026.02.25.]', '.'],
    ['## 1. Introduction', 'none'],
  ])('%s ends with %s', (text, mark) => {
    expect(endMark(text).mark).toBe(mark);
  });

  it('points at the mark', () => {
    expect(endMark('Stable.” ').index).toBe(6);
  });
});

describe('unbalanced brackets and quotation marks', () => {
  const keys = (text: string) => unbalancedMarks(text).map((mark) => `${mark.mark}@${mark.index}`);

  it.each([
    'a (b) [c]',
    'a “model ally” and „modellszövetséges”',
    'South Korea’s allies’ interests',
    'a ‘quoted’ word',
    '„külső »belső« idézet”',
    '« guillemets »',
    'the "Sunshine Policy"',
    "'global comprehensive strategic alliance'",
    'a) Lists; b) Tables; iv) the fourth (last) point',
    '„German style“',
  ])('%s is balanced', (text) => {
    expect(keys(text)).toEqual([]);
  });

  it('finds the mark without a partner', () => {
    expect(keys('A szövetség („modellszövetséges” stabil.')).toEqual(['(@12']);
    expect(keys('stable) here')).toEqual([')@6']);
    expect(keys('a “model ally')).toEqual(['“@2']);
    expect(keys('modell” szövetséges')).toEqual(['”@6']);
    expect(keys('the "Sunshine Policy')).toEqual(['"@4']);
  });

  it('does not read inline code', () => {
    expect(unbalancedMarks('f(x', [false, true, true])).toEqual([]);
  });
});

describe('the text of a block', () => {
  it('leaves out markup and traces every character to the manuscript', () => {
    const source = 'One  *two*\n   three &amp; 3\\. [link](https://x.org)[^n] `a  b`\n\n[^n]: Note.\n';
    const tree = unified().use(remarkParse).use(remarkGfm).parse(source);
    const [run] = textRuns(tree.children.slice(0, 1), source);
    expect(run?.text).toBe(`One  two\nthree & 3. link${referenceMark} a  b`);
    const at = (text: string) => run?.offsets[run.text.indexOf(text)];
    expect(source.slice(at('three'))).toMatch(/^three/);
    expect(source.slice(at('& 3'))).toMatch(/^&amp; 3/);
    expect(source.slice(at('. link'))).toMatch(/^\. \[link/);
    expect(source.slice(at('link'))).toMatch(/^link\]/);
    // Doubled spaces in inline code are code, not a slip.
    expect(doubledSpaces(run?.text ?? '', run?.code)).toEqual([3]);
  });
});

describe('doubled spaces', () => {
  it('finds two spaces between words, not indentation or trailing spaces', () => {
    expect(doubledSpaces('A szövetség  stabil.')).toEqual([11]);
    expect(doubledSpaces('  indented\nline  \nnext')).toEqual([]);
    expect(doubledSpaces('one\u00A0 two')).toEqual([3]);
  });
});

describe('the qa-ignore marker', () => {
  it('silences the check it names, and only for its block', async () => {
    const folder = path.join(fixtures, 'rules', 'qa-ignore-marker');
    expect(messageLines(await read(folder))).toEqual([]);

    // The same manuscript without the marker: the check speaks.
    const root = await tempFolder('jlaga-qa-');
    await cp(path.join(fixtures, 'rules', 'series.yaml'), path.join(root, 'series.yaml'));
    await cp(folder, path.join(root, 'qa-ignore-marker'), { recursive: true });
    const file = path.join(root, 'qa-ignore-marker', 'index.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/<!-- qa-ignore[^\n]*-->\n/, ''));
    expect(messageLines(await read(path.join(root, 'qa-ignore-marker')))).toEqual([
      'index.md 9:1 warning qa-numbers',
      'index.md 10:1 warning qa-numbers',
    ]);
  });

  it('reports a marker that names no check', async () => {
    const root = await tempFolder('jlaga-qa-');
    await cp(path.join(fixtures, 'rules', 'series.yaml'), path.join(root, 'series.yaml'));
    await cp(path.join(fixtures, 'rules', 'qa-ignore-unknown'), path.join(root, 'qa-ignore-unknown'), {
      recursive: true,
    });
    const file = path.join(root, 'qa-ignore-unknown', 'index.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('qa-ignore qa-numbrs', 'qa-ignore: forgot the name'));
    const result = await read(path.join(root, 'qa-ignore-unknown'));
    expect(messageLines(result)).toEqual(['index.md 10:1 warning qa-ignore-unknown']);
    expect(result.files[0]?.messages[0]?.reason).toMatch(/^Missing check in a `qa-ignore` marker/);
  });

  it('silences every check with `all`', async () => {
    const root = await tempFolder('jlaga-qa-');
    await cp(path.join(fixtures, 'rules', 'series.yaml'), path.join(root, 'series.yaml'));
    await cp(path.join(fixtures, 'rules', 'qa-spacing'), path.join(root, 'qa-spacing'), { recursive: true });
    const file = path.join(root, 'qa-spacing', 'index.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('A szövetség  stabil.', '<!-- qa-ignore all -->\nA szövetség  stabil.'));
    expect(messageLines(await read(path.join(root, 'qa-spacing')))).toEqual([]);
  });
});
