/**
 * A server command's life after it started: it serves until the user stops it (Ctrl-C,
 * a terminal's hang-up, a service manager's TERM), then closes its server and returns,
 * so that the program ends by itself. A second signal ends it at once, should closing
 * hang. `jlaga dev` and `jlaga serve` both end this way.
 */
import os from 'node:os';
import type { CommandIo } from './io.js';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Resolves once a signal came and `server` is closed. */
export function untilStopped(server: { close: () => Promise<void> }, io: CommandIo): Promise<void> {
  return new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(128 + (os.constants.signals[signal] ?? 0));
      stopping = true;
      io.stdout.write('Stopping.\n');
      void server.close().then(() => {
        for (const name of signals) process.off(name, stop);
        resolve();
      });
    };
    // Kept (not `once`): a build running meanwhile has its folder removed on the signal
    // (cleanup.ts), which ends the program by it only when nothing else handles it.
    for (const name of signals) process.on(name, stop);
  });
}
