// Run in the laid-out page before printing: Paged.js gives every floated note a random
// id (`note-<uuid>`), which Chromium writes into the PDF as a named destination. Name
// each after its number instead, so the same issue always gives the same PDF.
(() => {
  const renamed = new Map();
  for (const element of document.querySelectorAll('[id^="note-"][data-note-number]')) {
    const id = `footnote-${element.dataset.noteNumber}${element.hasAttribute('data-split-from') ? '-continued' : ''}`;
    renamed.set(element.id, id);
    element.id = id;
  }
  for (const link of document.querySelectorAll('a[href^="#note-"]')) {
    const id = renamed.get(link.getAttribute('href').slice(1));
    if (id) link.setAttribute('href', `#${id}`);
  }
  return renamed.size;
})();
