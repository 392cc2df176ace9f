/**
 * Before any test file: compile the program from the sources as they are, so that the
 * tests that run `jlaga` as a process of its own (signals, closed pipes, file size
 * limits) run this code, and start as fast as a user's `npx jlaga`.
 */
import { compileProgram } from '../scripts/compile.js';

export default async function setup(): Promise<void> {
  await compileProgram();
}
