/**
 * Live reload: a Server-Sent Events stream that tells every open page to reload after a
 * good build, or to show the build's messages over the last good page after a failed
 * one; and the script element that connects a served page to it. The client script and
 * the overlay's styles are `templates/dev/live-reload.js` and `templates/dev/overlay.css`.
 */
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { stringifyHtml } from '../output/html-shared.js';
import { templatesDir } from '../project.js';

/** URL paths of the dev server's own resources; no built file has a folder of that name. */
export const devPaths = {
  events: '/__dev/events',
  script: '/__dev/live-reload.js',
  styles: '/__dev/overlay.css',
} as const;

/** The files behind `devPaths.script` and `devPaths.styles`, read on every request. */
export const clientFiles: Readonly<Record<string, string>> = {
  [devPaths.script]: path.join(templatesDir, 'dev', 'live-reload.js'),
  [devPaths.styles]: path.join(templatesDir, 'dev', 'overlay.css'),
};

/** The page served when a page is not (yet) built: it reloads once it is. */
export const notBuiltPage = path.join(templatesDir, 'dev', 'not-built.html');

/** One message of a failed build as the overlay shows it. */
export interface OverlayMessage {
  /** The file as the terminal report names it; null for a failure that is not a file's. */
  file: string | null;
  line: number | null;
  column: number | null;
  severity: 'error' | 'warning' | 'info';
  reason: string;
  ruleId: string | null;
  source: string | null;
}

/**
 * What the stream says: `reload` after a good build; `build-error` after a failed one.
 * (Not `error`: an EventSource fires `error` itself when its connection drops.)
 */
export type DevEvent = { type: 'reload' } | { type: 'build-error'; slug: string; messages: OverlayMessage[] };

/** The messages of `files`, in the order of the terminal report. */
export function overlayMessages(files: readonly VFile[]): OverlayMessage[] {
  return files.flatMap((file) =>
    [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((message) => ({
        file: message.file || file.path || null,
        line: message.line ?? null,
        column: message.column ?? null,
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
        reason: message.reason,
        ruleId: message.ruleId ?? null,
        source: message.source ?? null,
      })),
  );
}

/** A build that failed for a reason that is not the manuscript's (a disk error, a template bug). */
export function failureMessage(error: Error): OverlayMessage {
  return { file: null, line: null, column: null, severity: 'error', reason: error.message, ruleId: null, source: null };
}

/** The open streams of every page, and a way to end them all. */
export interface EventStream {
  /** Answer a request with the stream; `current` is sent at once (the failure a new page must show). */
  connect: (response: ServerResponse, current?: DevEvent) => void;
  /** Send `event` to every open page. */
  send: (event: DevEvent) => void;
  /** End every stream (pages reconnect, and reload, when a server is back). */
  close: () => void;
}

/** A new stream with no pages connected. */
export function createEventStream(): EventStream {
  const responses = new Set<ServerResponse>();
  return {
    connect(response, current) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // Reconnect quickly after a restart of the server.
      response.write('retry: 1000\n\n');
      if (current) response.write(serializeEvent(current));
      responses.add(response);
      response.on('close', () => responses.delete(response));
    },
    send(event) {
      const text = serializeEvent(event);
      for (const response of responses) response.write(text);
    },
    close() {
      for (const response of responses) response.end();
      responses.clear();
    },
  };
}

/** One event in the text/event-stream format; JSON has no raw line breaks, so one data line. */
function serializeEvent(event: DevEvent): string {
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * `html` with the live-reload script as the last element of its body. The page is
 * parsed and serialized as the build writes pages, so its markup is otherwise the same.
 */
export function injectLiveReload(html: string): string {
  const tree: Root = unified().use(rehypeParse).parse(html);
  let body: Element | undefined;
  visit(tree, 'element', (node) => {
    if (node.tagName === 'body') body = node;
  });
  // A parsed document always has a body; the parser adds one when the page has none.
  body?.children.push(h('script', { src: devPaths.script }));
  return stringifyHtml(tree);
}
