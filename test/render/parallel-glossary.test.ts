/** The parallel edition marks the cells of translations that depart from the series glossary. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture, fixtures } from '../helpers.js';

describe('the parallel edition and the glossary', () => {
  it('says in a translation’s cell which glossary term it lacks or avoids, in the cell’s language', async () => {
    const { outputDir } = await buildFixture(path.join(fixtures, 'glossary', 'terms'), ['html']);
    const html = await readFile(path.join(outputDir, 'html', 'parallel.html'), 'utf8');
    const notes = [...html.matchAll(/<div class="row" id="row-([^"]+)"[\s\S]*?(?=<div class="row"|<\/main>)/g)].map(
      ([row, id]) => [id, [...row.matchAll(/<p class="glossary">([^<]*)<\/p>/g)].map((match) => match[1])],
    );
    expect(Object.fromEntries(notes.filter(([, found]) => (found?.length ?? 0) > 0))).toEqual({
      avoided: [
        'Szószedet: „model ally” fordítása mintaszövetséges',
        'Szószedet: mintaszövetséges, nem „modellszövetségesek”',
      ],
      missing: ['Szószedet: „beneficiary” fordítása haszonélvező'],
      'another-word': ['Szószedet: „model ally” fordítása mintaszövetséges'],
    });
  });
});
