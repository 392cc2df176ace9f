/**
 * Problems as vfile messages, and the one way they are printed: the terminal reporter
 * (vfile-reporter's style), the JSON reporter, and the exit code they mean.
 */
import type { Node, Point, Position } from 'unist';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { VFileMessage } from 'vfile-message';
import type { Rule } from './rules.js';

/** A place in a file: a point, a range, or a node with a position. */
export type Place = Point | Position | Node | undefined;

/** Exit codes of every command. */
export const exitCode = { ok: 0, errors: 1, usage: 2 } as const;

/**
 * Record one problem on `file`: a vfile message with the rule's id, source and
 * documentation URL, `fatal: true` for errors (as vfile-reporter counts them).
 *
 * @param cause the other place involved ("first defined here"), if any.
 * @returns the message, already in `file.messages`.
 */
export function report(
  file: VFile,
  rule: Rule,
  reason: string,
  place: Place,
  cause?: { reason: string; place: Place },
): VFileMessage {
  const message = file.message(reason, {
    place: toPlace(place),
    ruleId: rule.id,
    source: rule.source,
    // remark-lint's convention: the other place involved travels in `cause`.
    cause: cause ? new VFileMessage(cause.reason, { place: toPlace(cause.place) }) : undefined,
  });
  message.fatal = rule.severity === 'error';
  message.url = rule.url;
  return message;
}

function toPlace(place: Place): Point | Position | undefined {
  if (!place) return undefined;
  if ('type' in place) return place.position;
  return place;
}

/** Whether any message of these files is an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true));
}

/** 1 when any file has an error, else 0 (warnings do not fail). */
export function exitCodeFor(files: readonly VFile[]): number {
  return hasErrors(files) ? exitCode.errors : exitCode.ok;
}

/**
 * The terminal report of all messages of `files`, each file's sorted by place.
 *
 * @returns the report, or '' when there is no message.
 */
export function formatReport(files: readonly VFile[], options: { color?: boolean } = {}): string {
  const withMessages = files.filter((file) => file.messages.length > 0);
  if (withMessages.length === 0) return '';
  for (const file of withMessages) file.messages.sort(byPlace);
  return reporter(withMessages, { color: options.color ?? false, verbose: false });
}

/** One message in the JSON report. */
export interface JsonMessage {
  ruleId: string | null;
  source: string | null;
  severity: 'error' | 'warning' | 'info';
  reason: string;
  /** The place, 1-based; null where the message has none (JSON has no undefined). */
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  url: string | null;
  /** The other place involved, if any. */
  cause?: { reason: string; line: number | null; column: number | null };
}

/** One file in the JSON report. */
export interface JsonFile {
  file: string;
  messages: JsonMessage[];
}

/**
 * The JSON report of all messages of `files`: the files with messages, each with its
 * messages sorted by place; `[]` when there is none.
 *
 * @returns the array, as `--json` prints it.
 */
export function toJsonReport(files: readonly VFile[]): JsonFile[] {
  return files
    .filter((file) => file.messages.length > 0)
    .map((file) => ({
      file: file.history[0] ?? file.path,
      messages: [...file.messages].sort(byPlace).map((message): JsonMessage => {
        const cause = message.cause instanceof VFileMessage ? message.cause : undefined;
        const end = message.place && 'end' in message.place ? message.place.end : undefined;
        return {
          ruleId: message.ruleId ?? null,
          source: message.source ?? null,
          severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
          reason: message.reason,
          line: message.line ?? null,
          column: message.column ?? null,
          endLine: end?.line ?? null,
          endColumn: end?.column ?? null,
          url: message.url ?? null,
          ...(cause ? { cause: { reason: cause.reason, line: cause.line ?? null, column: cause.column ?? null } } : {}),
        };
      }),
    }));
}

/**
 * Files with the messages of a JSON report again, as `toJsonReport` wrote them: a
 * report kept from an earlier run is printed, counted and turned into an exit code as
 * the messages it came from.
 */
export function fromJsonReport(report: readonly JsonFile[]): VFile[] {
  return report.map((entry) => {
    const file = new VFile({ path: entry.file });
    for (const json of entry.messages) {
      const start = json.line === null ? undefined : { line: json.line, column: json.column ?? 1 };
      const end = json.endLine === null ? undefined : { line: json.endLine, column: json.endColumn ?? 1 };
      const cause = json.cause
        ? new VFileMessage(json.cause.reason, {
            place: json.cause.line === null ? undefined : { line: json.cause.line, column: json.cause.column ?? 1 },
          })
        : undefined;
      const message = file.message(json.reason, {
        place: start && end ? { start, end } : start,
        ruleId: json.ruleId ?? undefined,
        source: json.source ?? undefined,
        cause,
      });
      message.fatal = json.severity === 'error' ? true : json.severity === 'warning' ? false : undefined;
      if (json.url !== null) message.url = json.url;
    }
    return file;
  });
}

/** `toJsonReport` as the text `--json` writes to standard output, ending in a line break. */
export function formatJsonReport(files: readonly VFile[]): string {
  return `${JSON.stringify(toJsonReport(files), null, 2)}\n`;
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
