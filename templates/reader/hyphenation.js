/* global Hyphenopoly */
// Hyphenation of the running text where the browser has no dictionary for its language
// (Hyphenopoly, beside this file in `hyphenopoly/`). The pages' text holds no soft
// hyphens, so that search and copy find whole words; `hyphens: auto` hyphenates it where
// the browser can, and where it cannot, Hyphenopoly inserts soft hyphens into the page
// by the same Liang patterns and takes them out again of what is copied. The words and
// the limits are the PDF's: six letters at least, two on each side of a break (three
// after it in English, by its patterns); headings, links, code and dates whole. A page
// opened from disk cannot fetch the patterns (browsers refuse `file:` requests): it is
// left to `hyphens: auto` alone.
if (location.protocol === 'http:' || location.protocol === 'https:') {
  Hyphenopoly.config({
    // A long word per language: the loader hyphenates it with `hyphens: auto` to learn
    // whether the browser can, and loads the patterns only when it cannot.
    require: {
      hu: 'kedvezményezettjeinek',
      en: 'Supercalifragilisticexpialidocious',
    },
    // The British patterns, as the PDF's.
    fallbacks: { en: 'en-gb' },
    setup: {
      // The text shows at once; hyphenation follows when the patterns are loaded.
      hide: 'none',
      dontHyphenate: { a: true, code: true, pre: true, kbd: true, samp: true, time: true, script: true, style: true },
      selectors: {
        ':is(.segment, .footnote, .hyphenate) :is(p, li, blockquote, dd, td, figcaption)': {
          minWordLength: 6,
          leftmin: 2,
          rightmin: 2,
        },
      },
    },
  });
}
