/**
 * Messages → the terminal, and the exit codes: the one reporter lives in
 * `messages/report.ts`; commands that have not moved to it yet import it from here.
 */
export { exitCode, exitCodeFor, formatJsonReport, formatReport } from './messages/report.js';
