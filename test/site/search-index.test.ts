/**
 * The site's search index on a small site of both languages (`test/fixtures/site/`):
 * one index per language, of the pages that mark their text only, with their title,
 * issue and date; the same pages give the same bytes; pages that did not change keep the
 * index as it is, a changed page or an index changed by hand make it anew; nothing of
 * Pagefind's is left running, and no temporary folder.
 */
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { searchIndexFolder, writeSearchIndex } from '../../scripts/site/search-index.js';
import { fixtures, hashTree, tempFolder } from '../helpers.js';

const fixtureSite = path.join(fixtures, 'site');

/** A copy of the fixture site to index. */
async function copySite(): Promise<string> {
  const site = path.join(await tempFolder('jlaga-search-'), 'site');
  await cp(fixtureSite, site, { recursive: true });
  return site;
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The pages of the index in `site` as Pagefind stored them (each fragment: gzip, a tag, JSON). */
async function fragments(site: string): Promise<Fragment[]> {
  const folder = path.join(site, searchIndexFolder, 'fragment');
  const names = (await readdir(folder)).sort();
  const read = await Promise.all(names.map(async (name) => gunzipSync(await readFile(path.join(folder, name)))));
  return read
    .map((bytes) => JSON.parse(bytes.toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment)
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
  it('indexes the marked pages of each language, into one index per language', async () => {
    const site = await copySite();
    const result = await writeSearchIndex(site);
    expect(result).toEqual({
      indexed: true,
      pages: ['en/2099-1/index.html', 'hu/2099-1/index.html'],
      languages: { en: 1, hu: 1 },
    });
    const files = (await readdir(path.join(site, searchIndexFolder), { recursive: true })).sort();
    expect(files.filter((name) => /\.pf_meta$/.test(name))).toEqual([
      expect.stringMatching(/^pagefind\.en_[0-9a-f]+\.pf_meta$/),
      expect.stringMatching(/^pagefind\.hu_[0-9a-f]+\.pf_meta$/),
    ]);
    // What the search page loads, and not Pagefind's own interfaces.
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.hu.pagefind']));
    expect(files.filter((name) => /ui|highlight/.test(name))).toEqual([]);
    const entry = JSON.parse(await readFile(path.join(site, searchIndexFolder, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'hu']);
    // The text without the furniture, with its title, issue and date, at the page's address.
    const [en, hu] = await fragments(site);
    expect(en).toMatchObject({
      url: '/en/2099-1/',
      meta: { title: 'Testing Alliances: A Fixture Issue (1990–2099)', issue: '2099/1', date: '2099-01-15' },
    });
    expect(hu).toMatchObject({
      url: '/hu/2099-1/',
      meta: { title: 'Szövetségek próbája: tesztszám (1990–2099)', issue: '2099/1', date: '2099-01-15' },
    });
    expect(hu?.content).toMatch(/^Szövetségek próbája: tesztszám \(1990–2099\)\. Az Egyesült Államok szövetségeseinek/);
    expect(hu?.content).not.toMatch(/Keresés|Intézet|január/);
    // Nothing left behind beside the site, nothing running.
    expect((await readdir(site)).sort()).toEqual(['en', 'hu', 'index.html', 'pagefind']);
    expect(children()).not.toContainEqual(expect.stringMatching(/pagefind/));
  });

  it('makes the same bytes from the same pages', async () => {
    const [first, second] = await Promise.all([copySite(), copySite()]);
    await writeSearchIndex(first);
    await writeSearchIndex(second);
    expect(await hashTree(path.join(second, searchIndexFolder))).toEqual(
      await hashTree(path.join(first, searchIndexFolder)),
    );
  });

  it('keeps the index while no page changed, and makes it anew when one did or the index was changed', async () => {
    const site = await copySite();
    await writeSearchIndex(site);
    const index = path.join(site, searchIndexFolder);
    const made = await hashTree(index);

    expect(await writeSearchIndex(site)).toMatchObject({ indexed: false, languages: { en: 1, hu: 1 } });
    expect(await hashTree(index)).toEqual(made);

    // A page that is not indexed changes nothing.
    await writeFile(path.join(site, 'index.html'), '<!doctype html><html lang="en"><title>home</title></html>\n');
    expect((await writeSearchIndex(site)).indexed).toBe(false);

    const page = path.join(site, 'hu', '2099-1', 'index.html');
    const text = await readFile(page, 'utf8');
    await writeFile(page, text.replace('nőnek', 'nőnek, és a vámok is'));
    expect((await writeSearchIndex(site)).indexed).toBe(true);
    expect(await hashTree(index)).not.toEqual(made);
    const changed = await hashTree(index);

    const fragment = (await readdir(path.join(index, 'fragment')))[0] ?? '';
    await rm(path.join(index, 'fragment', fragment));
    expect((await writeSearchIndex(site)).indexed).toBe(true);
    expect(await hashTree(index)).toEqual(changed);
  });

  it('indexes nothing, and says so, when no page marks its text', async () => {
    const site = await copySite();
    await rm(path.join(site, 'en', '2099-1'), { recursive: true });
    await rm(path.join(site, 'hu', '2099-1'), { recursive: true });
    expect(await writeSearchIndex(site)).toEqual({ indexed: true, pages: [], languages: {} });
  });
});
