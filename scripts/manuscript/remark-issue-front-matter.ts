/**
 * remark plugin: read and validate the YAML front matter of an issue.
 *
 * Puts the issue's languages on `file.data.languages` (even when other keys are wrong,
 * so that later checks still run) and the validated front matter on
 * `file.data.frontMatter`.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { report } from './rules.js';
import { frontMatterSchema, languagesSchema } from './schema.js';
import type { Lang } from './schema.js';
import { checkYaml, parseYaml } from './yaml-values.js';

export interface IssueFrontMatterOptions {
  /** Languages the project has interface labels for. */
  supported: readonly Lang[];
}

export const remarkIssueFrontMatter: Plugin<[IssueFrontMatterOptions], Root> = function (options) {
  return function (tree: Root, file: VFile) {
    file.data.languages = [...options.supported];
    const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    if (!yamlNode) {
      if (tree.children.length > 0 || String(file.value).trim() !== '') {
        report(
          file,
          'missing-front-matter',
          'Missing front matter, expected the issue’s YAML between `---` lines at the top',
          { line: 1, column: 1 },
        );
      }
      return;
    }
    const start = yamlNode.position?.start.line ?? 1;
    const parsed = parseYaml(file, yamlNode.value, { line: start + 1 });
    if (!parsed) return;

    const declared = (parsed.value as Record<string, unknown> | null)?.languages;
    const languages = languagesSchema(options.supported).safeParse(declared);
    if (languages.success) file.data.languages = languages.data;
    else if (Array.isArray(declared)) {
      // Go on with the languages that are right, so one typo does not hide the rest.
      const usable = [...new Set(declared.filter((lang): lang is string => options.supported.includes(String(lang))))];
      if (usable.length > 0) file.data.languages = usable;
    }
    const schema = frontMatterSchema(file.data.languages, options.supported);
    const frontMatter = checkYaml(file, parsed, schema, file.data.languages);
    if (frontMatter) file.data.frontMatter = frontMatter;
  };
};
