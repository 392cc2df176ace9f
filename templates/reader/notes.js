// Notes beside the text, for the HTML editions. The page keeps its endnotes (readers
// without scripts, print, the EPUB); this script adds, where the browser can:
// - on a wide screen, each note as a side note beside its first reference (for the eye:
//   hidden from screen readers, which have the endnotes and the popover);
// - at every width, the note in a popover at its reference: a tap, a click (on a narrow
//   screen) or Enter opens it, Escape or the close button closes it and gives the
//   focus back to the reference, a click elsewhere closes it.
// Labels come from the page (`data-close-label` on this script's element), never from here.

(() => {
  const script = document.currentScript;
  const article = document.querySelector('main article');
  const notesSection = document.querySelector('section.notes');
  // Without the popover API (browsers before 2023) the references stay links to the endnotes.
  if (!article || !notesSection || !('showPopover' in HTMLElement.prototype)) return;
  const closeLabel = script?.dataset.closeLabel ?? 'Close';
  /** The width from which side notes fit beside the text; the same as edition.css's. */
  const wide = window.matchMedia('(min-width: 76rem)');

  /** The references of the text (not those inside the notes), by note number. */
  const references = [...article.querySelectorAll('a[role="doc-noteref"]')].filter(
    (reference) => !notesSection.contains(reference),
  );
  const noteOf = (reference) => document.getElementById(reference.hash.slice(1));

  /** A note's content for showing elsewhere: its number as text, no ids, links as given. */
  function noteContent(note) {
    const copy = note.cloneNode(true);
    for (const backlink of copy.querySelectorAll('a[role="doc-backlink"]')) {
      const number = document.createElement('span');
      number.className = 'note-number';
      number.textContent = backlink.textContent;
      backlink.replaceWith(number);
    }
    for (const element of copy.querySelectorAll('[id]')) element.removeAttribute('id');
    return [...copy.childNodes];
  }

  // The popover: one for the page, filled with the note it shows.
  const popover = document.createElement('div');
  popover.id = 'note-popover';
  popover.className = 'note-popover';
  popover.setAttribute('popover', 'manual');
  popover.setAttribute('role', 'dialog');
  popover.tabIndex = -1;
  const body = document.createElement('div');
  body.className = 'note-popover-body';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'note-popover-close';
  close.setAttribute('aria-label', closeLabel);
  close.textContent = '×';
  popover.append(close, body);
  let opener = null;

  function open(reference) {
    if (opener) hide({ returnFocus: false });
    const note = noteOf(reference);
    if (!note) return;
    body.replaceChildren(...noteContent(note));
    popover.setAttribute('aria-label', reference.getAttribute('aria-label') ?? '');
    // Right after its reference, so that the page reads on from the note.
    reference.after(popover);
    popover.showPopover();
    place(reference);
    opener = reference;
    reference.setAttribute('aria-expanded', 'true');
    popover.focus({ preventScroll: true });
  }

  function hide({ returnFocus }) {
    if (!opener) return;
    const reference = opener;
    opener = null;
    reference.setAttribute('aria-expanded', 'false');
    popover.hidePopover();
    if (returnFocus) reference.focus({ preventScroll: true });
  }

  /** Below the reference's line (above it when there is more room there), inside the viewport. */
  function place(reference) {
    const box = reference.getBoundingClientRect();
    const viewport = document.documentElement.clientWidth;
    const width = Math.min(popover.offsetWidth, viewport - 16);
    const left = Math.max(8, Math.min(box.left + box.width / 2 - width / 2, viewport - width - 8));
    const height = popover.offsetHeight;
    const below = window.innerHeight - box.bottom;
    const top = below < height + 8 && box.top > below ? box.top - height - 6 : box.bottom + 6;
    popover.style.left = `${left + window.scrollX}px`;
    popover.style.top = `${top + window.scrollY}px`;
  }

  // Side notes: one per note, beside its first reference, none overlapping the one before.
  const column = document.createElement('div');
  column.className = 'sidenotes';
  column.setAttribute('aria-hidden', 'true');
  const sideNotes = new Map();
  for (const reference of references) {
    const note = noteOf(reference);
    if (!note || sideNotes.has(note.id)) continue;
    const sideNote = document.createElement('div');
    sideNote.className = 'sidenote';
    sideNote.dataset.note = note.dataset.note ?? '';
    sideNote.append(...noteContent(note));
    // Mouse users may follow its links; keyboards reach them in the endnotes and the popover.
    for (const link of sideNote.querySelectorAll('a')) link.tabIndex = -1;
    sideNotes.set(note.id, { sideNote, reference });
  }
  column.append(...[...sideNotes.values()].map(({ sideNote }) => sideNote));
  article.append(column);

  function layOut() {
    const on = wide.matches;
    document.documentElement.classList.toggle('has-sidenotes', on);
    if (!on) return;
    const origin = article.getBoundingClientRect().top;
    let floor = 0;
    const placed = [...sideNotes.values()]
      .map(({ sideNote, reference }) => ({ sideNote, top: reference.getBoundingClientRect().top - origin }))
      .sort((a, b) => a.top - b.top);
    for (const { sideNote, top } of placed) {
      const at = Math.max(top, floor);
      sideNote.style.top = `${at}px`;
      floor = at + sideNote.offsetHeight + 12;
    }
  }

  function highlight(sideNote) {
    for (const other of column.querySelectorAll('.is-current')) other.classList.remove('is-current');
    sideNote.classList.add('is-current');
  }

  for (const reference of references) {
    reference.setAttribute('aria-expanded', 'false');
    reference.setAttribute('aria-controls', popover.id);
    reference.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      if (opener === reference) {
        hide({ returnFocus: true });
        return;
      }
      // A click with the mouse (detail > 0) on a wide screen points at the side note beside it;
      // Enter (detail 0), or a reference whose side note is elsewhere, opens the popover.
      const side = sideNotes.get(noteOf(reference)?.id ?? '');
      if (wide.matches && event.detail > 0 && side?.reference === reference) {
        hide({ returnFocus: false });
        highlight(side.sideNote);
      } else {
        open(reference);
      }
    });
  }
  close.addEventListener('click', () => hide({ returnFocus: true }));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && opener) {
      event.preventDefault();
      hide({ returnFocus: true });
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (opener && !popover.contains(event.target) && event.target.closest?.('a[role="doc-noteref"]') !== opener)
      hide({ returnFocus: false });
  });
  window.addEventListener('resize', () => {
    if (opener) place(opener);
  });

  layOut();
  wide.addEventListener('change', layOut);
  // Text reflows when fonts arrive and the window changes: the side notes follow.
  new ResizeObserver(layOut).observe(article);
  document.fonts?.ready.then(layOut);
})();
