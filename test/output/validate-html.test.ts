/** The Nu Html Checker finds no error and no warning in any page of the sample and fixture issues. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project.js';
import { checkHtml } from '../../scripts/release/validators.js';
import { buildFixture } from '../helpers.js';

describe('Nu Html Checker', () => {
  it('reports no errors and no warnings on every page', async () => {
    const sample = await buildFixture(path.join(projectRoot, 'manuscript', '2026-3'), ['html']);
    const fixture = await buildFixture(undefined, ['html']);
    const pages = [sample, fixture].flatMap(({ outputDir }) =>
      ['en/index.html', 'hu/index.html', 'parallel.html'].map((page) => path.join(outputDir, 'html', page)),
    );
    const problems = await checkHtml(pages);
    expect(
      problems.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line ?? 0} ${message.reason}`)),
    ).toEqual([]);
  });
});
