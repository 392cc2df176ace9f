/** `align confirm`: writes `src` and changes no other byte. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as align } from '../../scripts/cli/align.js';
import { withSrc } from '../../scripts/manuscript/fence.js';
import { confirmTranslations } from '../../scripts/translation/confirm.js';
import { copyFixtureManuscript, messageLines, read, runCommand } from '../helpers.js';

/** The fixture with every `src` removed and CRLF endings with a BOM. */
async function unconfirmedCopy(): Promise<{ issue: string; file: string; original: string }> {
  const { issue } = await copyFixtureManuscript();
  const file = path.join(issue, 'index.md');
  const original = '\uFEFF' + (await readFile(file, 'utf8')).replace(/ src=[0-9a-f]{8}/g, '').replace(/\n/g, '\r\n');
  await writeFile(file, original);
  return { issue, file, original };
}

describe('align confirm', () => {
  it('adds or replaces src in the fence only', () => {
    expect(withSrc(':::hu{#a}', '12345678')).toBe(':::hu{#a src=12345678}');
    expect(withSrc(':::hu{#a .lead src=00000000}', '12345678')).toBe(':::hu{#a .lead src=12345678}');
    expect(withSrc(':::hu{#a src="00000000" .x}', '12345678')).toBe(':::hu{#a src=12345678 .x}');
  });

  it('confirms chosen ids through the command, keeping BOM and CRLF, and nothing else changes', async () => {
    const { issue, file, original } = await unconfirmedCopy();
    const { stdout } = await runCommand(align, ['confirm', issue, 'lead', 's1-p1']);
    expect(stdout).toContain('2 translations confirmed');
    const after = await readFile(file, 'utf8');
    expect(after.startsWith('\uFEFF')).toBe(true);
    const before = original.split('\r\n');
    const lines = after.split('\r\n');
    expect(lines).toHaveLength(before.length);
    const changed = lines.flatMap((line, index) => (line === before[index] ? [] : [[before[index], line]]));
    expect(changed).toEqual([
      [':::hu{#lead .lead}', expect.stringMatching(/^:::hu\{#lead \.lead src=[0-9a-f]{8}\}$/)],
      [':::hu{#s1-p1}', expect.stringMatching(/^:::hu\{#s1-p1 src=[0-9a-f]{8}\}$/)],
    ]);
    const result = await read(issue);
    expect(result.issue?.segments.find((segment) => segment.id === 'lead')?.states.hu).toBe('confirmed');
  });

  it('--all-current confirms everything, and a second run changes nothing', async () => {
    const { issue, file } = await unconfirmedCopy();
    expect((await runCommand(align, ['confirm', issue, '--all-current'])).code).toBe(0);
    expect(messageLines(await read(issue))).toEqual([]);
    const once = await readFile(file);
    const { stdout } = await runCommand(align, ['confirm', issue, '--all-current']);
    expect(stdout).toContain('0 translations confirmed');
    expect(await readFile(file)).toEqual(once);
  });

  it('updates a stale src', async () => {
    const { issue, file } = await copyFixtureManuscript().then(({ issue }) => ({
      issue,
      file: path.join(issue, 'index.md'),
    }));
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('The first paragraph cites', 'The first paragraph quotes'),
    );
    const stale = await read(issue);
    expect(messageLines(stale)).toEqual([expect.stringMatching(/warning stale-translation$/)]);
    if (!stale.issue) throw new Error('expected no errors');
    const outcome = confirmTranslations(await readFile(file, 'utf8'), stale.issue, { ids: ['s1-p1'], all: false });
    expect(outcome.confirmed.map(({ id, lang }) => [id, lang])).toEqual([['s1-p1', 'hu']]);
    expect(outcome.confirmed[0]?.to).toBe(stale.issue.segments.find((segment) => segment.id === 's1-p1')?.sourceHash);
    await writeFile(file, outcome.text);
    expect(messageLines(await read(issue))).toEqual([]);
  });

  it('refuses unknown ids, bad usage and manuscripts with errors, writing nothing', async () => {
    const { issue, file, original } = await unconfirmedCopy();
    expect((await runCommand(align, ['confirm', issue, 'no-such-id'])).code).toBe(1);
    expect((await runCommand(align, ['confirm', issue])).code).toBe(2);
    expect((await runCommand(align, ['frobnicate'])).code).toBe(2);
    expect(await readFile(file, 'utf8')).toBe(original);
    await writeFile(file, original.replace(':::hu{#lead .lead}', ':::hu{#lead}'));
    expect((await runCommand(align, ['confirm', issue, '--all-current'])).code).toBe(1);
  });
});
