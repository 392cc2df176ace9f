/**
 * The structure of an XLIFF file, checked against the issue: an XLIFF 2.0 document of
 * the issue's languages, whose `<file>` was exported from this issue and whose units are
 * its segments, each once. Each unit is read and its target's codes checked.
 */
import type { VFile } from 'vfile';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';
import type { Segment } from '../manuscript/types.js';
import { childElements, descendantUnits } from './xliff-elements.js';
import { jlagaNamespace, xliffNamespace } from './xliff-export.js';
import { checkTargetMarkup } from './xliff-import-codes.js';
import { report } from './xliff-import-rules.js';
import { readUnit } from './xliff-import-unit.js';
import type { XliffUnit } from './xliff-import-unit.js';
import { attributeOf } from './xml-read.js';
import type { Point, XmlElement } from './xml-read.js';

/** What an XLIFF file holds for the issue. */
export interface XliffDocument {
  /** The target language. */
  lang: Lang;
  units: XliffUnit[];
  /** Where `<xliff>` is: the place of a problem of no one unit. */
  rootPlace: Point;
}

/**
 * Check the XLIFF document `root` against `issue`; problems become messages on `file`.
 *
 * @returns the target language and the units, or undefined when the document is no
 *   XLIFF 2.0 of the issue's languages (then the units are not read).
 */
export function readXliffDocument(file: VFile, root: XmlElement, issue: ValidatedIssue): XliffDocument | undefined {
  if (root.uri !== xliffNamespace || root.local !== 'xliff') {
    const namespace = root.uri;
    report(
      file,
      'xliff-not-xliff',
      namespace.startsWith('urn:oasis:names:tc:xliff:document:1.')
        ? 'Unexpected XLIFF 1.2, expected XLIFF 2.0 (export the file again with `jlaga xliff export`)'
        : `Unexpected root element \`<${root.name}>\`, expected \`<xliff>\` of XLIFF 2.0 (${xliffNamespace})`,
      root.place,
    );
    return undefined;
  }
  const rootPlace = root.place;
  const version = attributeOf(root, 'version') ?? '';
  if (!/^2\.[01]$/.test(version)) {
    report(file, 'xliff-not-xliff', `Unexpected XLIFF version \`${version}\`, expected \`2.0\``, rootPlace);
    return undefined;
  }

  const [source, ...targets] = issue.languages;
  const srcLang = attributeOf(root, 'srcLang') ?? '';
  const trgLang = attributeOf(root, 'trgLang') ?? '';
  const lang = targets.find((candidate) => sameLanguage(candidate, trgLang));
  if (source === undefined || !sameLanguage(source, srcLang)) {
    report(
      file,
      'xliff-wrong-language',
      `Unexpected srcLang \`${srcLang}\`, expected \`${source ?? ''}\`, the source language of ${issue.location.slug}`,
      rootPlace,
    );
  }
  if (lang === undefined) {
    report(
      file,
      'xliff-wrong-language',
      trgLang === ''
        ? `Missing trgLang, expected one of the target languages of ${issue.location.slug} (${targets.join(', ')})`
        : `Unexpected trgLang \`${trgLang}\`, expected one of the target languages of ${issue.location.slug} (${targets.join(', ')})`,
      rootPlace,
    );
    return undefined;
  }

  const files = childElements(root, 'file');
  if (files.length === 0)
    report(file, 'xliff-not-xliff', 'Missing `<file>` in `<xliff>`, expected the exported file', rootPlace);
  const segments = new Map(issue.segments.map((segment) => [segment.id, segment]));
  const units: XliffUnit[] = [];
  const seen = new Map<string, Point>();
  for (const fileElement of files) {
    if (!isOfIssue(file, fileElement, issue)) continue;
    for (const unitElement of descendantUnits(fileElement)) {
      const unit = readSegmentUnit(file, unitElement, { segments, seen, slug: issue.location.slug });
      if (!unit) continue;
      if (unit.target) checkTargetMarkup(file, unit, unit.target, issue, lang);
      units.push(unit);
    }
  }
  return { lang, units, rootPlace };
}

/** Whether a `<file>` was exported from `issue`; if not, a message says so. */
function isOfIssue(file: VFile, fileElement: XmlElement, issue: ValidatedIssue): boolean {
  const exportedIssue = attributeOf(fileElement, 'issue', jlagaNamespace);
  const original = attributeOf(fileElement, 'original');
  const belongs =
    exportedIssue !== undefined
      ? exportedIssue === issue.frontMatter.issue
      : original === `${issue.location.slug}/index.md`;
  if (!belongs) {
    report(
      file,
      'xliff-wrong-issue',
      `Unexpected file of issue \`${exportedIssue ?? original ?? '?'}\`, expected one exported from ${issue.frontMatter.issue} (${issue.location.slug})`,
      fileElement.place,
    );
  }
  return belongs;
}

/**
 * The unit `unitElement` read, when its id names a segment of the issue (`segments` by
 * id) that no unit before it named (`seen`: id → place); else a message and undefined.
 */
function readSegmentUnit(
  file: VFile,
  unitElement: XmlElement,
  issue: { segments: ReadonlyMap<string, Segment>; seen: Map<string, Point>; slug: string },
): XliffUnit | undefined {
  const { segments, seen, slug } = issue;
  const id = attributeOf(unitElement, 'id') ?? '';
  const place = unitElement.place;
  const segment = segments.get(id);
  if (!segment) {
    report(file, 'xliff-unknown-unit', `Unexpected unit \`${id}\`, expected the id of a segment of ${slug}`, place);
    return undefined;
  }
  const first = seen.get(id);
  if (first) {
    report(file, 'xliff-duplicate-unit', `Unexpected second unit \`${id}\`, expected one per segment`, place, {
      reason: 'First unit here',
      place: first,
    });
    return undefined;
  }
  seen.set(id, place);
  return readUnit(file, unitElement, segment);
}

/** `hu` and `hu-HU` name the same language here: tools may add a region. */
function sameLanguage(lang: Lang, tag: string): boolean {
  return tag.toLowerCase() === lang.toLowerCase() || tag.toLowerCase().startsWith(`${lang.toLowerCase()}-`);
}
