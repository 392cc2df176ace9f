/**
 * Messages → the terminal, in vfile-reporter's style, and the exit code they mean.
 */
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import { hasErrors } from './manuscript/rules.js';

/** Exit codes of every command. */
export const exitCode = { ok: 0, errors: 1, usage: 2 } as const;

/** The report of all messages of `files` (empty when there are none). */
export function formatReport(files: readonly VFile[], options: { color?: boolean } = {}): string {
  const withMessages = files.filter((file) => file.messages.length > 0);
  if (withMessages.length === 0) return '';
  for (const file of withMessages) {
    file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }
  return reporter(withMessages, { color: options.color ?? false, verbose: false });
}

/** 1 when any file has an error, else 0 (warnings do not fail). */
export function exitCodeFor(files: readonly VFile[]): number {
  return hasErrors(files) ? exitCode.errors : exitCode.ok;
}
