// Run in the laid-out page: the page of each note that Paged.js floated, and the page of
// the call it left in the text, so the build can say whether every note stands at the
// foot of the page that refers to it.
(() => {
  const pageOf = (element) => {
    const number = element?.closest('.pagedjs_page')?.dataset.pageNumber;
    return number === undefined ? undefined : Number(number);
  };
  const notes = [...document.querySelectorAll('.pagedjs_footnote_inner_content [data-note-number]')].filter(
    (note) => !note.hasAttribute('data-split-from'),
  );
  return notes
    .map((note) => ({
      note: Number(note.dataset.noteNumber),
      notePage: pageOf(note),
      referencePage: pageOf(document.querySelector(`[data-footnote-call="${note.dataset.ref ?? ''}"]`)),
    }))
    .sort((a, b) => a.note - b.note);
})();
