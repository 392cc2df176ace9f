#!/usr/bin/env node
/**
 * `jlaga`: the thin entry that runs the program on this process's arguments and
 * streams. A reader that closes the pipe early (`jlaga xliff export … | head`) ends the
 * output, not the program with a stack trace: what is left to write is dropped.
 */
import { main } from '../cli/jlaga.js';
import { processIo } from '../cli/io.js';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    stream.destroy();
  });
}

process.exitCode = await main(process.argv.slice(2), processIo);
