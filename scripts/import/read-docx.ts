/**
 * Read a Word file: make sure it is a DOCX that can be read, then let mammoth turn its
 * body and notes into HTML (headers, footers and comments are not part of what it
 * reads: the page furniture stays behind) and collect its images and its document
 * properties (title, author, keywords, dates).
 *
 * A file that is not a DOCX, a damaged one or a password-protected one is an
 * `ImportInputError` with the rule that says so; nothing else is thrown for the
 * user's input.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parseXml } from '../translation/xml-read.js';
import type { XmlNode } from '../translation/xml-read.js';
import type { ImportRuleId } from './rules.js';
import { styleMap } from './style-map.js';

/** The user's file cannot be imported: the rule and a sentence that says why and what to do. */
export class ImportInputError extends Error {
  override name = 'ImportInputError';
  constructor(
    readonly ruleId: ImportRuleId,
    message: string,
  ) {
    super(message);
  }
}

/** An image of the document, as mammoth read it. */
export interface DocxImage {
  /** The name the HTML uses for it until it gets its place in `assets/` (`image-3`). */
  key: string;
  contentType: string;
  bytes: Buffer;
}

/** The document properties (`docProps/core.xml`) that the front matter can use. */
export interface DocxProperties {
  title?: string;
  subject?: string;
  creator?: string;
  keywords?: string;
  created?: string;
}

/** What a Word file holds for the import. */
export interface DocxContent {
  /** The body and, at its end, the notes, as mammoth writes them. */
  html: string;
  images: DocxImage[];
  properties: DocxProperties;
  /** What mammoth said it could not keep, each once. */
  dropped: string[];
}

// The first bytes of a ZIP file (a DOCX) and of an OLE compound file (a Word 97–2003
// document, or a DOCX that Word encrypted with a password).
const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const oleMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// The stream an encrypted OOXML file keeps its package in, named in UTF-16.
const encryptedPackage = Buffer.from('EncryptedPackage', 'utf16le');

/** The most one part of a package may expand to, and the whole package. */
const maxPartBytes = 128 * 2 ** 20;
const maxPackageBytes = 256 * 2 ** 20;

/**
 * Read the DOCX at `file`.
 *
 * @throws ImportInputError when it is not a DOCX, is damaged or is password-protected.
 */
export async function readDocx(file: string): Promise<DocxContent> {
  const bytes = await readFile(file);
  const zip = await openPackage(bytes);
  const properties = await readProperties(zip);

  const images: DocxImage[] = [];
  let result;
  try {
    result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap,
        // Word's own choice of the first-paragraph style etc. must not add up as empty paragraphs.
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(async (image) => {
          const key = `image-${images.length + 1}`;
          images.push({ key, contentType: image.contentType, bytes: await image.read() });
          return { src: key };
        }),
      },
    );
  } catch (error) {
    throw new ImportInputError('import-corrupt', `The Word document cannot be read: ${reason(error)}.`);
  }
  const dropped = new Set<string>();
  for (const message of result.messages) {
    // A paragraph of a style it does not know is still kept, as a paragraph.
    if (/^Unrecognised (paragraph|run) style/.test(message.message)) continue;
    dropped.add(message.message.replace(/\s+/g, ' ').trim());
  }
  return { html: result.value, images, properties, dropped: [...dropped] };
}

/** The file as a ZIP package with a Word document in it. */
async function openPackage(bytes: Buffer): Promise<JSZip> {
  if (bytes.subarray(0, oleMagic.length).equals(oleMagic)) {
    if (bytes.includes(encryptedPackage)) {
      throw new ImportInputError(
        'import-encrypted',
        'The Word document is protected by a password: open it in Word, remove the password (File › Info › Protect Document) and save it again.',
      );
    }
    throw new ImportInputError(
      'import-not-docx',
      'This is a Word 97–2003 document (.doc), not a .docx: open it in Word or LibreOffice and save it as a Word document (.docx).',
    );
  }
  if (!bytes.subarray(0, zipMagic.length).equals(zipMagic)) {
    throw new ImportInputError('import-not-docx', 'This is not a Word document (.docx): it is not a ZIP package.');
  }
  let zip;
  try {
    // First the directory alone: what each part says it expands to, before any is
    // expanded (a small file can expand to gigabytes); then every part, checked.
    const directory = await JSZip.loadAsync(bytes, { checkCRC32: false });
    let total = 0;
    for (const entry of Object.values(directory.files)) {
      const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
      total += size;
      if (size > maxPartBytes || total > maxPackageBytes) {
        throw new ImportInputError(
          'import-corrupt',
          `The .docx expands to more than ${maxPackageBytes / 2 ** 20} MiB (${entry.name} alone to ${Math.round(size / 2 ** 20)} MiB): no Word manuscript is that large; it is not read.`,
        );
      }
    }
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    throw new ImportInputError('import-corrupt', `The .docx is damaged: ${reason(error)}.`);
  }
  if (zip.file('word/document.xml') === null) {
    throw new ImportInputError(
      'import-not-docx',
      'This ZIP package holds no Word document (no word/document.xml): is it another Office format?',
    );
  }
  return zip;
}

/** The core properties; a missing or unreadable properties part gives none. */
async function readProperties(zip: JSZip): Promise<DocxProperties> {
  const part = zip.file('docProps/core.xml');
  if (part === null) return {};
  let parsed;
  try {
    parsed = await parseXml([await part.async('uint8array')], { maxBytes: 1024 * 1024 });
  } catch {
    return {};
  }
  if ('error' in parsed) return {};
  const properties: DocxProperties = {};
  const names: Record<string, keyof DocxProperties> = {
    title: 'title',
    subject: 'subject',
    creator: 'creator',
    keywords: 'keywords',
    created: 'created',
  };
  for (const child of parsed.root.children) {
    if (typeof child === 'string') continue;
    const key = names[child.local];
    const value = textOf(child).replace(/\s+/g, ' ').trim();
    if (key !== undefined && value !== '') properties[key] = value;
  }
  return properties;
}

function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').replace(/\.$/, '').trim();
}
