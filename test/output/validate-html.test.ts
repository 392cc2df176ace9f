/** The Nu Html Checker finds no error in any page of the sample and fixture issues. */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/project.js';
import { buildFixture } from '../helpers.js';

const run = promisify(execFile);
const vnu = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build', 'dist', 'vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
}

describe('Nu Html Checker', () => {
  it('reports no errors and no warnings on every page', async () => {
    const sample = await buildFixture(path.join(projectRoot, 'manuscript', '2026-3'), ['html']);
    const fixture = await buildFixture(undefined, ['html']);
    const pages = [sample, fixture].flatMap(({ outputDir }) =>
      ['en/index.html', 'hu/index.html', 'parallel.html'].map((page) => path.join(outputDir, 'html', page)),
    );
    // vnu exits 1 when it reports anything; the JSON on stderr says what.
    const { stderr } = await run('java', ['-jar', vnu, '--format', 'json', ...pages]).catch((error: { stderr: string }) => error);
    const messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
    expect(messages.map((message) => `${message.type} ${path.basename(path.dirname(message.url))}/${path.basename(message.url)}:${message.lastLine ?? 0} ${message.message}`)).toEqual([]);
  });
});
