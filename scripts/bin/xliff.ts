/** `npm run xliff`: the thin entry that runs the command on this process's arguments and streams. */
import { main } from '../cli/xliff.js';
import { processIo } from '../cli/io.js';

process.exitCode = await main(process.argv.slice(2), processIo);
