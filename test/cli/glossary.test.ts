/** `jlaga glossary`: each term, where it is used, where translations depart from it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/cli/glossary.js';
import { fixtureIssue, fixtures, runCommand } from '../helpers.js';

const glossary = (...args: string[]) => runCommand(main, args);

describe('jlaga glossary', () => {
  it('lists each term with the segments that use it and the departures, at their places', async () => {
    const { code, stdout, stderr } = await glossary(path.join(fixtures, 'glossary', 'terms'));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        'test/fixtures/glossary/glossary.yaml: 2 terms',
        '',
        'model ally → hu: mintaszövetséges (not modellszövetséges)',
        '  used in terms #inflected #avoided #quoted #another-word',
        '  test/fixtures/glossary/terms/index.md:17:1 hu #avoided: without the term',
        '  test/fixtures/glossary/terms/index.md:18:3 hu #avoided: `modellszövetségesek`, which the glossary avoids',
        '  test/fixtures/glossary/terms/index.md:41:1 hu #another-word: without the term',
        '',
        'beneficiary → hu: haszonélvező',
        '  used in terms #missing',
        '  test/fixtures/glossary/terms/index.md:25:1 hu #missing: without the term',
        '',
      ].join('\n'),
    );
  });

  it('--json gives the same as data', async () => {
    const { code, stdout } = await glossary(path.join(fixtures, 'glossary', 'terms'), '--json');
    expect(code).toBe(0);
    const [listing] = JSON.parse(stdout) as Array<{ glossary: string; terms: Array<Record<string, unknown>> }>;
    expect(listing?.glossary).toBe('test/fixtures/glossary/glossary.yaml');
    expect(listing?.terms[1]).toEqual({
      forms: { en: ['beneficiary'], hu: ['haszonélvező'] },
      avoid: { en: [], hu: [] },
      note: 'one word for it throughout',
      uses: [{ issue: 'terms', segment: 'missing' }],
      departures: [
        {
          file: 'test/fixtures/glossary/terms/index.md',
          line: 25,
          column: 1,
          issue: 'terms',
          segment: 'missing',
          lang: 'hu',
          kind: 'missing',
          text: null,
        },
      ],
    });
  });

  it('says where to write a glossary when there is none', async () => {
    const { code, stdout, stderr } = await glossary(fixtureIssue);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(stderr).toMatch(/^No series glossary: write glossary\.yaml beside series\.yaml/);
  });

  it('exits 1 with the report when the glossary has errors', async () => {
    const { code, stderr } = await glossary(path.join(fixtures, 'glossary-broken', 'terms'));
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /test\/fixtures\/glossary-broken\/glossary\.yaml\n3:37 +error +Unexpected key `\[0\]\.avoid\.de`/,
    );
  });
});
