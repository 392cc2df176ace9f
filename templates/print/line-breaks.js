// Run in the print page before Paged.js lays it out: break each justified paragraph's
// lines as a whole (Knuth and Plass), then steer Chromium's line breaker, which fills one
// line at a time, to the same breaks. Chromium alone leaves runs of hyphenated lines and
// stretched lines where a paragraph-wide choice has none.
//
// Each paragraph is measured on one line (`white-space: nowrap`, set by the class
// `measuring-lines` in print.css, at the width of a page's text, notes as their calls):
// the distance between two break opportunities is then the width of the text between
// them. The breaks chosen are those with the least demerits, never more than two
// hyphenated lines in a row, no line stretched beyond the tolerance when another way
// exists. Chromium takes as much text on a line as fits, so each chosen break is made
// the last that fits: the opportunities after it that would still fit on that line are
// taken away (a space becomes a no-break space, which is as wide and as stretchable; a
// soft hyphen is removed). The text keeps its characters, elements and languages.
//
// Each paragraph is marked with its index (`data-line-breaking`). Input (optional):
// `globalThis.jlagaLengths`, pairs of a paragraph's index and `{ lines, lastTwo }`: the
// lines it is to have more or fewer (+1, -1), against a lone line on the last layout
// (print/lone-lines.js); a paragraph that cannot have them keeps its best breaks.
// `lastTwo` takes the paragraph's last two lines to the next page together, as TeX
// does against a widow: its lines are broken so that the penultimate starts after a
// space (the same number of lines), and the paragraph is parted there, the second part
// starting a page (`data-break-before`), the first justified to its end
// (`lines-continue`, print.css).
// Returns the number of paragraphs broken and of opportunities taken away.
(async () => {
  const lengths = new Map(globalThis.jlagaLengths ?? []);

  const paragraphs = [...document.querySelectorAll('p, li')].filter(
    (element) =>
      !element.closest('.footnote') &&
      window.getComputedStyle(element).textAlign === 'justify' &&
      !element.querySelector('p, li, br, img, table'),
  );
  document.documentElement.classList.add('measuring-lines');
  // The faces the measuring brings in (the notes' calls) loaded before anything is
  // measured: a width measured in a fallback font would change the breaks from run to run.
  void document.body.offsetWidth;
  await document.fonts.ready;
  const range = document.createRange();
  const xAt = (node, offset) => {
    range.setStart(node, offset);
    range.setEnd(node, offset);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return rect.left;
  };
  // Demerits as TeX's plain format sets them, with its tolerance as a stretch ratio.
  const linePenalty = 10;
  const hyphenPenalty = 50;
  const doubleHyphenDemerits = 3000;
  const finalHyphenDemerits = 5000;
  const adjacentDemerits = 3000;
  const tolerances = [1, 1.6, 3, Infinity];
  const maximumRun = 2;

  let broken = 0;
  let changed = 0;
  paragraphs.forEach((paragraph, paragraphIndex) => {
    paragraph.dataset.lineBreaking = String(paragraphIndex);
    const style = window.getComputedStyle(paragraph);
    const box = paragraph.getBoundingClientRect();
    const width =
      box.width -
      parseFloat(style.paddingLeft) -
      parseFloat(style.paddingRight) -
      parseFloat(style.borderLeftWidth) -
      parseFloat(style.borderRightWidth);
    const hyphenWidth = parseFloat(style.fontSize) * 0.3;
    // The break opportunities, in order: where a line ending there ends (x), where the
    // next starts (next), the spaces before it, and what makes it one.
    const points = [];
    let spaces = 0;
    let pending; // a space whose next line's start is not known yet
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement.closest('.footnote') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    let start;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue;
      const whole = node.parentElement.closest('.nowrap');
      for (let index = 0; index < text.length; index++) {
        const char = text[index];
        const space = char === ' ' || char === '\n' || char === '\t';
        if (!space && char !== '\u00ad' && pending) {
          pending.next = xAt(node, index);
          pending = undefined;
        }
        if (!space && char !== '\u00ad' && start === undefined) start = xAt(node, index);
        if (space || char === '\u00a0') {
          const first = index === 0 || !/[ \n\t]/.test(text[index - 1]);
          if (space && first && !whole && start !== undefined) {
            pending = { kind: 'space', node, offset: index, x: xAt(node, index), spaces };
            points.push(pending);
          }
          if (first || char === '\u00a0') spaces += 1;
        } else if (char === '\u00ad' && !whole && start !== undefined) {
          points.push({ kind: 'soft', node, offset: index, x: xAt(node, index), next: xAt(node, index), spaces });
        } else if (
          (char === '-' || char === '\u2013' || char === '\u2014') &&
          !whole &&
          /\p{L}/u.test(text[index + 1] ?? '') &&
          /\p{L}/u.test(text[index - 1] ?? '')
        ) {
          const x = xAt(node, index + 1);
          points.push({ kind: 'hyphen', node, offset: index, x, next: x, spaces });
        }
      }
    }
    if (start === undefined || points.length === 0) return;
    // The paragraph's end, after a note's call that may close it.
    const marker = document.createElement('span');
    paragraph.append(marker);
    const endX = marker.getBoundingClientRect().left;
    marker.remove();
    if (pending) pending.next = endX;
    const realPoints = points.filter((point) => point.next < endX - 0.1);
    realPoints.push({ kind: 'end', x: endX, next: endX, spaces });
    const spaceGaps = realPoints.filter((point) => point.kind === 'space').map((point) => point.next - point.x);
    const spaceWidth =
      spaceGaps.sort((a, b) => a - b)[Math.floor(spaceGaps.length / 2)] ?? parseFloat(style.fontSize) * 0.25;

    const lineWidth = (from, to) => to.x - from + (to.kind === 'soft' ? hyphenWidth : 0);
    const spacesIn = (fromSpaces, to) => to.spaces - fromSpaces;
    const hyphenates = (point) => point.kind === 'soft' || point.kind === 'hyphen';

    // `accept(point, lines)`: whether a break may end the paragraph's line `lines` there.
    const solve = (tolerance, wantedLines, accept = () => true) => {
      // Active states: at a point, with a run of hyphenated lines and a fitness class.
      const best = new Map(); // key → node
      const key = (index, run, fitness, lines) => `${index}/${run}/${fitness}/${wantedLines === undefined ? 0 : lines}`;
      const startNode = { index: -1, run: 0, fitness: 1, lines: 0, demerits: 0, previous: undefined };
      const byIndex = new Map([[-1, [startNode]]]);
      for (let index = -1; index < realPoints.length; index++) {
        for (const node of byIndex.get(index) ?? []) {
          const from = index < 0 ? start : realPoints[index].next;
          const fromSpaces = index < 0 ? 0 : realPoints[index].spaces + (realPoints[index].kind === 'space' ? 1 : 0);
          for (let next = index + 1; next < realPoints.length; next++) {
            const point = realPoints[next];
            const natural = lineWidth(from, point);
            if (natural > width - 0.5) break;
            const final = point.kind === 'end';
            const stretchable = spacesIn(fromSpaces, point) * spaceWidth;
            const ratio = final ? 0 : stretchable > 0 ? (width - natural) / stretchable : Infinity;
            if (ratio > tolerance) continue;
            const run = hyphenates(point) ? node.run + 1 : 0;
            if (run > maximumRun || !accept(point, node.lines + 1)) continue;
            const badness = final ? 0 : Math.min(10000, 100 * ratio ** 3);
            const fitness = ratio > 1 ? 0 : ratio > 0.5 ? 1 : 2;
            let demerits = (linePenalty + badness) ** 2;
            if (point.kind === 'soft') demerits += hyphenPenalty ** 2;
            if (run > 1) demerits += doubleHyphenDemerits;
            if (final && node.run > 0) demerits += finalHyphenDemerits;
            if (Math.abs(fitness - node.fitness) > 1) demerits += adjacentDemerits;
            const candidate = {
              index: next,
              run,
              fitness,
              lines: node.lines + 1,
              demerits: node.demerits + demerits,
              previous: node,
            };
            const k = key(next, run, fitness, candidate.lines);
            const known = best.get(k);
            if (!known || known.demerits > candidate.demerits) {
              best.set(k, candidate);
              if (!byIndex.has(next)) byIndex.set(next, []);
              const list = byIndex.get(next);
              const at = known ? list.indexOf(known) : -1;
              if (at >= 0) list[at] = candidate;
              else list.push(candidate);
            }
          }
        }
      }
      const ends = byIndex.get(realPoints.length - 1) ?? [];
      const fitting = wantedLines === undefined ? ends : ends.filter((node) => node.lines === wantedLines);
      return fitting.sort((a, b) => a.demerits - b.demerits)[0];
    };

    let chosen;
    for (const tolerance of tolerances) {
      chosen = solve(tolerance);
      if (chosen) break;
    }
    if (!chosen) return;
    const change = lengths.get(paragraphIndex) ?? { lines: 0, lastTwo: false };
    if (change.lines !== 0) {
      const lines = chosen.lines + change.lines;
      const other = tolerances.reduce((found, tolerance) => found ?? solve(tolerance, lines), undefined);
      if (other) chosen = other;
    }
    const { lastTwo } = change;
    if (lastTwo) {
      // The same number of lines, the penultimate starting after a space (a break at a
      // soft hyphen would leave the hyphen out at the end of the first part).
      const lines = chosen.lines;
      const atSpace = (point, line) => line !== lines - 2 || point.kind === 'space';
      const other = tolerances.reduce((found, tolerance) => found ?? solve(tolerance, lines, atSpace), undefined);
      if (other) chosen = other;
    }
    const breaks = [];
    for (let node = chosen.previous; node && node.index >= 0; node = node.previous)
      breaks.unshift(realPoints[node.index]);
    broken += 1;
    // Where Paged.js is to start a page: the space before the penultimate line.
    const penultimate = breaks[breaks.length - 2];
    const pageBreak = lastTwo && paragraph.tagName === 'P' && penultimate?.kind === 'space' ? penultimate : undefined;

    // Steer Chromium: after each break, take away the opportunities that would still fit.
    const edits = [];
    let lineStart = start;
    breaks.forEach((point, number) => {
      const following = breaks[number + 1] ?? realPoints[realPoints.length - 1];
      for (let index = realPoints.indexOf(point) + 1; index < realPoints.length; index++) {
        const later = realPoints[index];
        if (later.kind === 'end' || later === following) break;
        if (lineWidth(lineStart, later) > width + 0.5) break;
        edits.push(later);
      }
      lineStart = point.next;
    });
    // From the end of each text node, so that the offsets before stay right.
    const byNode = new Map();
    for (const point of edits) byNode.set(point.node, [...(byNode.get(point.node) ?? []), point]);
    if (pageBreak && !byNode.has(pageBreak.node)) byNode.set(pageBreak.node, []);
    let restStart;
    for (const [node, list] of byNode) {
      let text = node.nodeValue;
      // The page break's place in this node once the edits before it are made.
      let breakAt = pageBreak?.node === node ? pageBreak.offset + 1 : undefined;
      for (const point of list.sort((a, b) => b.offset - a.offset)) {
        const before = text.length;
        if (point.kind === 'space') {
          // The whole run of white space becomes one no-break space.
          let end = point.offset;
          while (end < text.length && /[ \n\t]/.test(text[end])) end++;
          text = `${text.slice(0, point.offset)}\u00a0${text.slice(end)}`;
          changed += 1;
        } else if (point.kind === 'soft') {
          text = `${text.slice(0, point.offset)}${text.slice(point.offset + 1)}`;
          changed += 1;
        }
        if (breakAt !== undefined && point.offset < breakAt) breakAt -= before - text.length;
      }
      node.nodeValue = text;
      if (breakAt !== undefined) restStart = node.splitText(breakAt);
    }
    if (restStart) {
      // Paged.js lays a paragraph out whole and splits it only where it overflows: the
      // last two lines become a paragraph of their own that starts a page, the part
      // before is justified to its end (print.css), and the two keep their elements.
      const rest = document.createRange();
      rest.setStart(restStart, 0);
      rest.setEnd(paragraph, paragraph.childNodes.length);
      const continuation = paragraph.cloneNode(false);
      continuation.removeAttribute('id');
      continuation.append(rest.extractContents());
      continuation.classList.add('lines-continued');
      continuation.dataset.breakBefore = 'page';
      paragraph.classList.add('lines-continue');
      paragraph.after(continuation);
    }
  });
  document.documentElement.classList.remove('measuring-lines');
  return { broken, changed };
})();
