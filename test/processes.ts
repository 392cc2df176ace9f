/**
 * Processes of a command started by a test, found after it was killed and they were
 * reparented to init: by a marker in the environment they inherit from it, and for
 * Chromium's children by the session and profile folder of the marked browser.
 * Linux only (it reads /proc).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { projectRoot } from '../scripts/project.js';

/** The environment variable that marks a test's command and everything it starts. */
const markerName = 'JLAGA_TEST_RUN';

/** A live (not zombie) process of the system. */
export interface ProcessInfo {
  pid: number;
  command: string;
}

/** A command started by a test, with everything it printed so far. */
export interface MarkedRun {
  child: ChildProcess;
  marker: string;
  output: () => string;
  /** Resolves with the exit code or signal once it ended (and was reaped). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Run a script of the project under Node with a fresh marker and `env` added: the
 * compiled program (`dist/jlaga.mjs`, which the tests' global set-up compiles), or a
 * TypeScript script of the tests.
 */
export function runMarked(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): MarkedRun {
  const marker = randomUUID();
  // Node itself, not the tsx wrapper: the process killed is the one that runs the command.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, path.join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env, [markerName]: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, marker, output: () => output, exited };
}

/** What /proc says of a process. */
function readProcess(pid: string): { state: string; session: number; environment: string[]; command: string } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which may hold spaces: state, ppid, pgrp, session…
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    state: fields[0] ?? '',
    session: Number(fields[3]),
    environment: readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0'),
    command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '),
  };
}

const ownSession = readProcess(String(process.pid)).session;

/** What ties a process to a marked run, learnt from the marked processes seen so far. */
const clues = new Map<string, { sessions: Set<number>; profiles: Set<string> }>();

/**
 * Every live process of the run marked `marker`: those whose environment carries the
 * marker, and those that do not (Chromium's zygote starts its children with an
 * environment of its own) but share the session of a marked process (Chromium starts
 * one of its own) or its `--user-data-dir`. Clues are kept from call to call, so the
 * children are found after the process that led to them has gone.
 */
export function markedProcesses(marker: string): ProcessInfo[] {
  const clue = clues.get(marker) ?? { sessions: new Set<number>(), profiles: new Set<string>() };
  clues.set(marker, clue);
  const all: Array<{ pid: number; session: number; marked: boolean; command: string }> = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const { state, session, environment, command } = readProcess(name);
      // A zombie has ended; it only waits for its new parent to reap it.
      if (state === 'Z' || state === 'X') continue;
      all.push({ pid: Number(name), session, marked: environment.includes(`${markerName}=${marker}`), command });
    } catch {
      // Ended while being read, or not ours to read.
    }
  }
  for (const { session, marked, command } of all) {
    if (!marked) continue;
    if (session !== ownSession) clue.sessions.add(session);
    const profile = /--user-data-dir=(\S+)/.exec(command)?.[1];
    if (profile) clue.profiles.add(profile);
  }
  return all
    .filter(
      ({ marked, session, command }) =>
        marked ||
        clue.sessions.has(session) ||
        [...clue.profiles].some((profile) => command.includes(`--user-data-dir=${profile}`)),
    )
    .map(({ pid, command }) => ({ pid, command }));
}

/** Wait until `check` returns a value other than undefined, or `timeoutMs` passed; returns its last value. */
export async function waitFor<T>(
  check: () => T | undefined,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined || Date.now() > deadline) return value;
    await sleep(intervalMs);
  }
}

/**
 * Wait for a process of `run` whose command line holds `part`, or for `run` to end
 * first (then there is nothing to wait for), or `timeoutMs`.
 */
export async function waitForMarkedProcess(
  run: MarkedRun,
  part: string,
  timeoutMs: number,
): Promise<ProcessInfo | null | undefined> {
  return waitFor(
    () =>
      run.child.exitCode !== null
        ? null
        : markedProcesses(run.marker).find((process) => process.command.includes(part)),
    timeoutMs,
  );
}

/** The processes still marked `marker` after `graceMs`; none is the test's hope. */
export async function survivors(marker: string, graceMs: number): Promise<ProcessInfo[]> {
  const left = await waitFor(() => (markedProcesses(marker).length === 0 ? [] : undefined), graceMs);
  return left ?? markedProcesses(marker);
}

/** Kill whatever a test's command left running, so a failing test leaks nothing. */
export function killMarked(marker: string): void {
  for (const { pid } of markedProcesses(marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
