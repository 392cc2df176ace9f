// Run in the laid-out page: the paragraphs to break again, a line longer or shorter, on
// the next layout. Paged.js 0.4.3 does not honour `widows` and `orphans`:
// - a paragraph's last line alone at the top of a page (a widow): its last two lines
//   start that page together, as TeX does ('lastTwo', print/line-breaks.js), when the
//   page before keeps two lines or more of it; else the paragraph before it is set a
//   line longer, which takes a second line over, or else the paragraph itself a line
//   shorter. Taking a line over is sure where a line more or fewer may move a note away
//   from its call (a note too tall for the page with its call's line);
// - its first line alone at the foot (an orphan): the paragraph before it is set a line
//   longer, which takes the line over, or else a line shorter, which brings a second up;
// - a note's call left on one page and its note put on the next (a Paged.js fault): the
//   call's paragraph is set a line longer, or else the one before it, or else shorter.
// Each problem is its kind and its remedies in order, as [paragraph, lines more or fewer
// or 'lastTwo'];
// paragraphs are named by the index the line breaker gave them (`data-line-breaking`,
// print/line-breaks.js).
(() => {
  const lineCount = (element) => {
    const lineHeight = parseFloat(window.getComputedStyle(element).lineHeight);
    return Math.round(element.getBoundingClientRect().height / lineHeight);
  };
  const indexOf = (element) => {
    const value = element?.dataset.lineBreaking;
    return value === undefined ? undefined : Number(value);
  };
  const found = [];
  for (const fragment of document.querySelectorAll('[data-line-breaking][data-split-from]')) {
    const index = indexOf(fragment);
    if (!fragment.hasAttribute('data-split-to') && lineCount(fragment) === 1) {
      const parts = [...document.querySelectorAll(`[data-ref="${fragment.dataset.ref}"]`)];
      const before = parts[parts.indexOf(fragment) - 1];
      found.push({
        kind: 'widow',
        remedies: [...(before && lineCount(before) >= 3 ? [[index, 'lastTwo']] : []), [index - 1, 1], [index, -1]],
      });
    }
  }
  for (const fragment of document.querySelectorAll('[data-line-breaking][data-split-to]')) {
    if (fragment.hasAttribute('data-split-from') || lineCount(fragment) !== 1) continue;
    const index = indexOf(fragment);
    found.push({
      kind: 'orphan',
      remedies: [
        [index - 1, 1],
        [index - 1, -1],
      ],
    });
  }
  const pageOf = (element) => element?.closest('.pagedjs_page');
  for (const note of document.querySelectorAll('.pagedjs_footnote_inner_content [data-note-number]')) {
    if (note.hasAttribute('data-split-from')) continue;
    const call = document.querySelector(`[data-footnote-call="${note.dataset.ref ?? ''}"]`);
    const index = indexOf(call?.closest('[data-line-breaking]'));
    if (call && pageOf(call) !== pageOf(note)) {
      found.push({
        kind: 'note',
        remedies: [
          [index, 1],
          [index - 1, 1],
          [index, -1],
        ],
      });
    }
  }
  return found.map(({ kind, remedies }) => ({
    kind,
    remedies: remedies.filter(([index]) => index !== undefined && index >= 0),
  }));
})();
