/**
 * How mammoth maps Word's paragraph styles, besides its own defaults (headings, lists,
 * notes): the styles that Word, LibreOffice and pandoc use for a title, a quotation or
 * a table of contents. A table of contents is left out: the editions make their own.
 * The class names say to the next stage what a paragraph was (`doc-title`).
 */
const tableOfContents = [
  ...Array.from({ length: 9 }, (_, index) => `toc ${index + 1}`),
  ...Array.from({ length: 9 }, (_, index) => `TOC ${index + 1}`),
  ...Array.from({ length: 10 }, (_, index) => `Contents ${index + 1}`),
  'TOC Heading',
  'Contents Heading',
  'Table of Contents',
];

const quotations = ['Quote', 'Intense Quote', 'Block Text', 'Quotations', 'Block Quotation'];

const bodyText = [
  'Body Text',
  'First Paragraph',
  'Compact',
  'Text Body',
  'Definition Term',
  'Definition',
  'Abstract',
  'Caption',
  'Image Caption',
  'Table Caption',
];

// mammoth's own list rules, first: a list item keeps its list whatever its style
// (pandoc writes list items in "Compact", mapped below to plain paragraphs).
const lists = [1, 2, 3, 4, 5].flatMap((level) => {
  const outer = 'ul|ol > li > '.repeat(level - 1);
  return [`p:unordered-list(${level}) => ${outer}ul > li:fresh`, `p:ordered-list(${level}) => ${outer}ol > li:fresh`];
});

// mammoth's own heading rules, before the lists: a numbered heading (outline
// numbering in LibreOffice and Word) is a heading, not a list item.
const headings = [1, 2, 3, 4, 5, 6].flatMap((level) => [
  `p[style-name='Heading ${level}'] => h${level}:fresh`,
  `p[style-name='heading ${level}'] => h${level}:fresh`,
]);

/** The style map given to mammoth, before its defaults. */
export const styleMap: string[] = [
  ...headings,
  ...lists,
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p.doc-subtitle:fresh",
  "p[style-name='Author'] => p.doc-author:fresh",
  "p[style-name='Date'] => p.doc-date:fresh",
  ...quotations.map((name) => `p[style-name='${name}'] => blockquote > p:fresh`),
  ...bodyText.map((name) => `p[style-name='${name}'] => p:fresh`),
  ...tableOfContents.map((name) => `p[style-name='${name}'] => !`),
];
