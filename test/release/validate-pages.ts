/**
 * `tsx test/release/validate-pages.ts <page>…`: the Nu Html Checker on the pages named,
 * as a release runs it; the validators' stop test starts this and kills it midway.
 */
import { checkHtml } from '../../scripts/release/validators.js';

const problems = await checkHtml(process.argv.slice(2));
process.stdout.write(`${problems.flatMap((file) => file.messages).length} problems\n`);
