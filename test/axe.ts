/// <reference lib="dom" />
/** axe-core in a page the tests opened: the violations, one line each. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'puppeteer-core';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.x A and AA rules and axe's best practices. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The rules whose outcome depends on colours alone: all a change of colour scheme can change. */
export const colourRules = ['color-contrast', 'link-in-text-block'];

/**
 * Run axe-core on the loaded page, or on the elements `include` selects (all its
 * WCAG and best-practice rules, or only `rules`); `rule: targets` for each violation.
 */
export async function axeViolations(page: Page, include?: string, rules?: readonly string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: await axeSource });
  const results = await page.evaluate(
    async (values, selector, only) => {
      const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<AxeResults> } })
        .axe;
      return axe.run(selector === null ? document : { include: [[selector]] }, {
        runOnly: only === null ? { type: 'tag', values } : { type: 'rule', values: only },
      });
    },
    tags,
    include ?? null,
    rules === undefined ? null : [...rules],
  );
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
