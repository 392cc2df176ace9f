/**
 * The EPUB's package document (`package.opf`) and container file, built from objects by
 * an XML builder: metadata, manifest, spine; the stable identifier of an edition; and
 * the accessibility metadata that its content makes true.
 */
import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { Lang } from '../manuscript/schema.js';
import { namespaces } from './hast-to-xml.js';

/** Where the package document is, for the container file and the zip alike. */
export const packagePath = 'EPUB/package.opf';

/** One file of the manifest. */
export interface ManifestItem {
  id: string;
  /** Relative to the package document. */
  href: string;
  mediaType: string;
  /** `nav`, `cover-image`… */
  properties: string[];
}

/** A person of the metadata: the name as the edition writes it, and for sorting. */
export interface PackagePerson {
  name: string;
  /** "Family, Given". */
  fileAs: string;
}

/** Schema.org accessibility metadata, as the EPUB Accessibility specification uses it. */
export interface Accessibility {
  accessModes: string[];
  /** Each a comma-separated set of modes that together suffice. */
  accessModesSufficient: string[];
  features: string[];
  hazards: string[];
  summary: string;
  /** The conformance claim, when the publication meets one. */
  conformsTo: string | undefined;
}

export interface PackageMetadata {
  identifier: string;
  lang: Lang;
  title: string;
  subtitle: string | undefined;
  creators: PackagePerson[];
  editors: PackagePerson[];
  publisher: string;
  rights: string;
  subjects: string[];
  /** ISO date of publication. */
  date: string;
  /** `dcterms:modified`, `CCYY-MM-DDThh:mm:ssZ`. */
  modified: string;
  /** The series and the place in it. */
  collection: { name: string; position: string };
  accessibility: Accessibility;
}

export interface PackageDocument {
  metadata: PackageMetadata;
  /** Every file of the publication but the package document itself, in a stable order. */
  manifest: ManifestItem[];
  /** Manifest ids of the content documents in reading order. */
  spine: string[];
}

/** The claim made when every automated check passes and every image has a text alternative. */
export const conformanceClaim = 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA';

/**
 * The identifier of an edition: a `urn:uuid:` in the layout of a version 5 UUID, made
 * from the SHA-1 of `jlaga:<slug>:<lang>` (`…:draft` for a draft), so that every build of
 * an edition carries the same identifier and no two editions share one: a reading
 * system never takes a draft for the released book, or the reverse. ("jlaga" as in the
 * file names.)
 */
export function editionIdentifier(slug: string, lang: Lang, options: { draft?: boolean } = {}): string {
  const name = `jlaga:${slug}:${lang}${options.draft === true ? ':draft' : ''}`;
  const bytes = createHash('sha1').update(name).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What a publication's content makes true: it is text with images when it has images,
 * and fully readable as text when each of them has a text alternative; only then is the
 * WCAG claim made. `summary` words it for a reader, knowing whether every image is described.
 */
export function accessibilityMetadata(
  images: ReadonlyArray<{ alt: string }>,
  summary: (described: boolean) => string,
): Accessibility {
  const visual = images.length > 0;
  const described = images.every((image) => image.alt.trim() !== '');
  return {
    accessModes: visual ? ['textual', 'visual'] : ['textual'],
    accessModesSufficient: !visual ? ['textual'] : described ? ['textual', 'textual,visual'] : ['textual,visual'],
    features: [
      ...(visual && described ? ['alternativeText'] : []),
      'ARIA',
      'displayTransformability',
      'readingOrder',
      'structuralNavigation',
      'tableOfContents',
    ],
    hazards: ['none'],
    summary: summary(described),
    conformsTo: described ? conformanceClaim : undefined,
  };
}

/** Serialize the package document (EPUB 3, `package.opf`). */
export function packageXml(pkg: PackageDocument): string {
  const { metadata } = pkg;
  const meta = (property: string, value: string, refines?: string, scheme?: string) => ({
    ...(refines === undefined ? {} : { '@refines': `#${refines}` }),
    '@property': property,
    ...(scheme === undefined ? {} : { '@scheme': scheme }),
    '#': value,
  });
  const people = (list: PackagePerson[], prefix: string, role: string) =>
    list.map((person, index) => ({
      element: { '@id': `${prefix}-${index + 1}`, '#': person.name },
      meta: [
        meta('file-as', person.fileAs, `${prefix}-${index + 1}`),
        meta('role', role, `${prefix}-${index + 1}`, 'marc:relators'),
        meta('display-seq', String(index + 1), `${prefix}-${index + 1}`),
      ],
    }));
  const creators = people(metadata.creators, 'creator', 'aut');
  const editors = people(metadata.editors, 'editor', 'edt');
  const a11y = metadata.accessibility;

  const document = create({ version: '1.0', encoding: 'UTF-8' });
  document
    .ele('http://www.idpf.org/2007/opf', 'package')
    .att('version', '3.0')
    .att('unique-identifier', 'pub-id')
    .att(namespaces.xml, 'xml:lang', metadata.lang)
    .ele({
      metadata: {
        '@xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'dc:identifier': { '@id': 'pub-id', '#': metadata.identifier },
        'dc:title': [
          { '@id': 'title', '#': metadata.title },
          ...(metadata.subtitle === undefined ? [] : [{ '@id': 'subtitle', '#': metadata.subtitle }]),
        ],
        'dc:creator': creators.map((person) => person.element),
        'dc:contributor': editors.map((person) => person.element),
        'dc:language': metadata.lang,
        'dc:date': metadata.date,
        'dc:publisher': metadata.publisher,
        'dc:rights': metadata.rights,
        'dc:subject': metadata.subjects,
        meta: [
          meta('title-type', 'main', 'title'),
          ...(metadata.subtitle === undefined ? [] : [meta('title-type', 'subtitle', 'subtitle')]),
          ...creators.flatMap((person) => person.meta),
          ...editors.flatMap((person) => person.meta),
          meta('dcterms:modified', metadata.modified),
          { '@property': 'belongs-to-collection', '@id': 'series', '#': metadata.collection.name },
          meta('collection-type', 'series', 'series'),
          meta('group-position', metadata.collection.position, 'series'),
          ...a11y.accessModes.map((mode) => meta('schema:accessMode', mode)),
          ...a11y.accessModesSufficient.map((modes) => meta('schema:accessModeSufficient', modes)),
          ...a11y.features.map((feature) => meta('schema:accessibilityFeature', feature)),
          ...a11y.hazards.map((hazard) => meta('schema:accessibilityHazard', hazard)),
          meta('schema:accessibilitySummary', a11y.summary),
          ...(a11y.conformsTo === undefined ? [] : [meta('dcterms:conformsTo', a11y.conformsTo)]),
          // For reading systems that know only EPUB 2's way of naming the cover.
          ...pkg.manifest
            .filter((item) => item.properties.includes('cover-image'))
            .map((item) => ({ '@name': 'cover', '@content': item.id })),
        ],
      },
      manifest: {
        item: pkg.manifest.map((item) => ({
          '@id': item.id,
          '@href': item.href,
          '@media-type': item.mediaType,
          ...(item.properties.length > 0 ? { '@properties': item.properties.join(' ') } : {}),
        })),
      },
      spine: { itemref: pkg.spine.map((idref) => ({ '@idref': idref })) },
    });
  return `${document.end({ prettyPrint: true, wellFormed: true })}\n`;
}

/** Serialize `META-INF/container.xml`, which names the package document. */
export function containerXml(): string {
  const document = create({ version: '1.0', encoding: 'UTF-8' }).ele({
    container: {
      '@xmlns': 'urn:oasis:names:tc:opendocument:xmlns:container',
      '@version': '1.0',
      rootfiles: { rootfile: { '@full-path': packagePath, '@media-type': 'application/oebps-package+xml' } },
    },
  });
  return `${document.end({ prettyPrint: true, wellFormed: true })}\n`;
}
