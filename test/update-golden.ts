/**
 * `npm run test:update-golden`: rewrite the expected HTML of the fixture issue after a
 * deliberate change of the output. Tests never write expectations themselves; review
 * the diff of test/fixtures/golden/ before committing it.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildIssue } from '../scripts/output/build.js';
import { fixtureIssue, goldenDir, goldenFiles, readValid } from './helpers.js';

const outputRoot = await mkdtemp(path.join(os.tmpdir(), 'jlaga-golden-'));
try {
  const result = await buildIssue(await readValid(fixtureIssue), { outputRoot });
  for (const [built, expected] of goldenFiles) {
    await copyFile(path.join(result.outputDir, built), path.join(goldenDir, expected));
    process.stdout.write(`updated ${path.relative(process.cwd(), path.join(goldenDir, expected))}\n`);
  }
} finally {
  await rm(outputRoot, { recursive: true, force: true });
}
