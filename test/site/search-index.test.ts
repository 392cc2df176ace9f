/**
 * The search index of a small site of both languages (`test/fixtures/site/`): one index
 * per language, of the pages that mark their text only, without the furniture, with
 * each page's title, issue, date and kind; the same pages give the same bytes; nothing
 * of Pagefind's is left running.
 */
import { readdir, readFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { indexPages } from '../../scripts/site/search-index.js';
import type { SearchIndex } from '../../scripts/site/search-index.js';
import { fixtures } from '../helpers.js';

const fixtureSite = path.join(fixtures, 'site');

/** The HTML pages of the fixture site, by path. */
async function fixturePages(): Promise<Array<{ path: string; content: string }>> {
  const names = (await readdir(fixtureSite, { recursive: true, encoding: 'utf8' }))
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
  return Promise.all(
    names.map(async (name) => ({ path: name, content: await readFile(path.join(fixtureSite, name), 'utf8') })),
  );
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The pages of an index as Pagefind stored them (each fragment: gzip, a tag, JSON), by address. */
function fragments(index: SearchIndex): Fragment[] {
  return index.files
    .filter((file) => file.path.startsWith('fragment/'))
    .map(
      (file) =>
        JSON.parse(
          gunzipSync(file.content)
            .toString('utf8')
            .replace(/^pagefind_dcd/, ''),
        ) as Fragment,
    )
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** The processes this one started that still run, by their command's name. */
function children(): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        return Number(parent) === process.pid && state !== 'Z' ? [name] : [];
      } catch {
        return [];
      }
    });
}

describe('the search index', () => {
  it('indexes the pages that mark their text, one index per language, without the furniture', async () => {
    const index = await indexPages(await fixturePages());
    expect(index).toMatchObject({
      pages: ['en/2099-1/index.html', 'hu/2099-1/index.html'],
      languages: { en: 1, hu: 1 },
    });
    const names = index.files.map((file) => file.path);
    expect(names.filter((name) => name.endsWith('.pf_meta'))).toEqual([
      expect.stringMatching(/^pagefind\.en_[0-9a-f]+\.pf_meta$/),
      expect.stringMatching(/^pagefind\.hu_[0-9a-f]+\.pf_meta$/),
    ]);
    // What the search page loads, and not Pagefind's own interfaces.
    expect(names).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.hu.pagefind']));
    expect(names.filter((name) => /ui|highlight/.test(name))).toEqual([]);
    expect(names).toEqual([...names].sort());

    const [en, hu] = fragments(index);
    expect(en).toMatchObject({
      url: '/en/2099-1/',
      meta: {
        title: 'Testing Alliances: A Fixture Issue (1990–2099)',
        issue: '2099/1',
        date: '2099-01-15',
        kind: 'edition',
      },
      filters: { language: ['en'] },
    });
    expect(hu).toMatchObject({
      url: '/hu/2099-1/',
      meta: {
        title: 'Szövetségek próbája: tesztszám (1990–2099)',
        issue: '2099/1',
        date: '2099-01-15',
        kind: 'edition',
      },
      filters: { language: ['hu'] },
    });
    expect(hu?.content).toMatch(/^Jurászik Bálint: Szövetségek próbája: tesztszám \(1990–2099\)\. Az Egyesült Államok/);
    expect(hu?.content).not.toMatch(/Keresés|Intézet|január/);
    expect(children()).not.toContainEqual(expect.stringMatching(/pagefind/));
  });

  it('makes the same bytes from the same pages', async () => {
    const pages = await fixturePages();
    const first = await indexPages(pages);
    const second = await indexPages(pages);
    expect(second.files).toEqual(first.files);
  });

  it('indexes nothing when no page marks its text', async () => {
    const pages = (await fixturePages()).filter((page) => !page.path.includes('2099-1'));
    expect(await indexPages(pages)).toMatchObject({ pages: [], languages: {} });
  });
});
