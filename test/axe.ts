/// <reference lib="dom" />
/** axe-core in a page the tests opened: the violations, one line each. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'puppeteer-core';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.x A and AA rules and axe's best practices. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Run axe-core on the loaded page, or on the elements `include` selects; `rule: targets`
 * for each violation.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.addScriptTag({ content: await axeSource });
  const results = await page.evaluate(
    async (values, selector) => {
      const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<AxeResults> } })
        .axe;
      return axe.run(selector === undefined ? document : { include: [[selector]] }, {
        runOnly: { type: 'tag', values },
      });
    },
    tags,
    include,
  );
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
