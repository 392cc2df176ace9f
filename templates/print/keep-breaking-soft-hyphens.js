// Run in the laid-out page before printing: remove every soft hyphen that does not end
// a line. A soft hyphen is invisible where the line does not break, yet Chromium writes
// it into the PDF's text layer, where it splits the word for search and copy. The ones
// that do end a line stay: they are the hyphens the reader sees.
(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.includes('\u00ad')) nodes.push(node);
  }
  const range = document.createRange();
  const lineOf = (node, offset) => {
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const rects = range.getClientRects();
    return rects.length > 0 ? rects[0].top : undefined;
  };
  let kept = 0;
  let removed = 0;
  for (const node of nodes) {
    const text = node.nodeValue;
    let result = '';
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (char !== '\u00ad') {
        result += char;
        continue;
      }
      const before = index > 0 ? lineOf(node, index - 1) : undefined;
      // Chromium gives the first letter after a hyphenation break the box of the
      // hyphen it draws (on the line above); the letter after it is on the new line.
      const after = Math.max(
        ...[index + 1, index + 2].filter((at) => at < text.length).map((at) => lineOf(node, at) ?? -Infinity),
      );
      if (before !== undefined && after > before + 1) {
        result += char;
        kept += 1;
      } else {
        removed += 1;
      }
    }
    node.nodeValue = result;
  }
  return { kept, removed };
})();
