// Run in the laid-out page: the words that Paged.js split between two pages. A careful
// typesetter never breaks the last word of a page; the build lays the page out again
// with these words kept whole. Paged.js marks a split at a hyphenation point (the first
// part's parent gets `pagedjs_hyphen`, its text ends with U+2011); it may also cut a
// word elsewhere, with no mark: then the page's text ends in a letter inside an element
// that goes on (`data-split-to`), and the next page's text starts with a letter.
(() => {
  const textNodes = (root) => {
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue.trim() !== '') nodes.push(node);
    }
    return nodes;
  };
  const words = new Set();
  for (const page of document.querySelectorAll('.pagedjs_page')) {
    const content = page.querySelector('.pagedjs_page_content');
    const next = page.nextElementSibling?.querySelector('.pagedjs_page_content');
    if (!content || !next) continue;
    const last = textNodes(content).pop();
    const first = textNodes(next)[0];
    if (!last || !first) continue;
    const head = /[\p{L}\u00ad]+\u2011?$/u.exec(last.nodeValue ?? '');
    const tail = /^[\p{L}\u00ad]+/u.exec(first.nodeValue ?? '');
    if (!head || !tail) continue;
    const marked = last.parentElement?.closest('.pagedjs_hyphen') && head[0].endsWith('\u2011');
    const cut = !head[0].endsWith('\u2011') && last.parentElement?.closest('[data-split-to]');
    if (marked || cut) words.add((head[0] + tail[0]).replace(/[\u00ad\u2011]/g, ''));
  }
  return [...words];
})();
