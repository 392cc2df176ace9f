// Run in the laid-out page: the words that Paged.js split between two pages (it marks
// the first part's parent with `pagedjs_hyphen` and ends it with U+2011). A careful
// typesetter never hyphenates the last word of a page; the build lays the page out
// again with these words kept whole.
(() => {
  const firstWord = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const match = /^[\p{L}\u00ad]+/u.exec(node.nodeValue.trimStart());
      if (node.nodeValue.trim() !== '') return match ? match[0] : '';
    }
    return '';
  };
  const words = [];
  for (const element of document.querySelectorAll('.pagedjs_hyphen')) {
    const head = /[\p{L}\u00ad]+\u2011$/u.exec(element.textContent ?? '');
    const next = element.closest('.pagedjs_page')?.nextElementSibling?.querySelector('.pagedjs_page_content');
    if (!head || !next) continue;
    words.push((head[0] + firstWord(next)).replace(/[\u00ad\u2011]/g, ''));
  }
  return words;
})();
