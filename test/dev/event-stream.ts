/** A reader of a Server-Sent Events stream over fetch, for the dev server's tests. */

export interface ServerSentEvent {
  event: string;
  data: string;
}

export interface EventReader {
  /** The next event that `accept`s, or a rejection after `timeoutMs`; events before it are skipped. */
  next: (accept: (event: ServerSentEvent) => boolean, timeoutMs?: number) => Promise<ServerSentEvent>;
  close: () => void;
}

/** Connect to the event stream at `url` and read it in the background until `close`. */
export async function readEvents(url: string): Promise<EventReader> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  if (!response.headers.get('content-type')?.startsWith('text/event-stream'))
    throw new Error(`${url}: ${response.headers.get('content-type')}`);
  const received: ServerSentEvent[] = [];
  let wake: (() => void) | undefined;
  const body = response.body;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice('event:'.length).trim();
          else if (line.startsWith('data:')) data.push(line.slice('data:'.length).trimStart());
        }
        // As in an EventSource, a block without data (`retry:`, comments) is no event.
        if (data.length > 0) received.push({ event, data: data.join('\n') });
        wake?.();
      }
    }
  })().catch(() => undefined);

  let taken = 0;
  return {
    async next(accept, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (taken < received.length) {
          const event = received[taken++];
          if (event && accept(event)) return event;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No matching event in ${timeoutMs} ms; got ${JSON.stringify(received)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    close: () => controller.abort(),
  };
}
