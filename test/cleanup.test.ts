/**
 * What a killed run left, cleared by the next one: folders named with the id of a
 * process that has ended are removed, those of running processes stay, and an output
 * half replaced is put back.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeOwnedFolder, removeAbandonedFolders } from '../scripts/cleanup.js';
import { recoverReplacedFolders } from '../scripts/output/build.js';
import { tempFolder } from './helpers.js';

/** The id of a process that has ended (and was reaped). */
function endedPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined) throw new Error('no process started');
  return pid;
}

describe('folders a killed run left', () => {
  it('removes those of ended processes only', async () => {
    const root = await tempFolder('jlaga-cleanup-');
    const dead = endedPid();
    const names = [
      `.build-2099-1-${dead}-a1B2c3`, // a killed build's
      `.build-2099-1-${process.ppid}-d4E5f6`, // a running build's
      `.build-other-${dead}-g7H8i9`, // a killed build of another issue
      '.build-2099-1', // not one of ours
      '2099-1',
    ];
    for (const name of names) await mkdir(path.join(root, name));
    const own = await makeOwnedFolder(root, '.build-2099-1-');
    expect(path.basename(own.path)).toMatch(new RegExp(`^\\.build-2099-1-${process.pid}-[A-Za-z0-9]{6}$`));

    const removed = await removeAbandonedFolders(root, '.build-');
    expect(removed.map((folder) => path.basename(folder)).sort()).toEqual([names[0], names[2]].sort());
    expect((await readdir(root)).sort()).toEqual([names[1], names[3], names[4], path.basename(own.path)].sort());
    await own.remove();
    expect(existsSync(own.path)).toBe(false);
  });

  it('puts back an output a killed build had moved aside, and removes one it had replaced', async () => {
    const root = await tempFolder('jlaga-cleanup-');
    const dead = endedPid();
    // Killed between the two renames: the old output is aside, nothing in its place.
    await mkdir(path.join(root, `2099-1.previous-${dead}`));
    await writeFile(path.join(root, `2099-1.previous-${dead}`, 'index.html'), 'old');
    // Killed while removing the old output: the new one is in place.
    await mkdir(path.join(root, '2099-2'));
    await mkdir(path.join(root, `2099-2.previous-${dead}`));
    // A running build's, in the middle of its replace.
    await mkdir(path.join(root, `2099-3.previous-${process.ppid}`));

    await recoverReplacedFolders(root);
    expect((await readdir(root)).sort()).toEqual(['2099-1', '2099-2', `2099-3.previous-${process.ppid}`]);
    expect(await readFile(path.join(root, '2099-1', 'index.html'), 'utf8')).toBe('old');
  });
});
