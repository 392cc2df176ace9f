/**
 * The numbers of a text, normalised so that one number written the English way and the
 * Hungarian way compares equal: `1,000` = `1 000` = `1.000` = `1000`, `3.5` = `3,5`,
 * `25%` = `25 %-os` = `25 százalék` = `25 percent`, `38th` = `38.`, `1950s` = `1950-es`,
 * `June 25, 1950` = `1950. június 25-én` = `1950.06.25.`.
 *
 * Numbers written as words (`two`, `második`) are not read. Scale words are not read
 * either: `$350 billion` and `350 milliárd dollár` both hold the number 350.
 */

/** One number of a text. */
export interface NumberToken {
  /**
   * What the number may stand for, normalised: digits without separators or leading
   * zeros, `.` before decimals (without trailing zeros), `%` after a percentage. Two
   * numbers are the same when they share a value. Most numbers have one value; a
   * separator that may group thousands or mark decimals (`1,000`, `2.500`) gives two.
   */
  values: string[];
  /** The number as written, a percentage with its sign or word. */
  written: string;
  /** Where it starts in the text, and where its digits end. */
  index: number;
  end: number;
  /** Whether the number is a month named in a date (`June 25`, `2022 májusában`). */
  month: boolean;
  percent: boolean;
}

const spaceSeparator = '[ \\u00A0\\u202F\\u2009]';

/** One number a form found: its values and where it is in the text. */
interface Part {
  values: string[];
  from: number;
  to: number;
}

/** A reader of one form of number: the numbers of a match, or nothing. */
type Reader = (match: RegExpExecArray) => Part[] | undefined;

/** The forms, most specific first; each pattern is tried where a number begins. */
const forms: Array<{ pattern: RegExp; read: Reader }> = [
  // 2026-02-25: a date counts as its year, month and day.
  { pattern: /(\d{4})-(\d{2})-(\d{2})(?!\d)/dy, read: (match) => dateParts(match, 3) },
  // 2026.02.25(.): year, month, day.
  { pattern: /(\d{4})\.(\d{1,2})\.(\d{1,2})(?!\d)/dy, read: (match) => dateParts(match, 3) },
  // 2023.05.: year and month (the closing dot tells it from a decimal).
  { pattern: /(\d{4})\.(\d{1,2})\.(?!\d)/dy, read: (match) => dateParts(match, 2) },
  // 1.000 or 1.000.000 (Hungarian thousands), perhaps with a decimal comma: 1.000,5.
  { pattern: /(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?(?![\d]|[.,]\d)/dy, read: (match) => grouped(match, '.') },
  // 1.2.3, 25.02.2026: several numbers joined by dots.
  { pattern: /\d+(?:\.\d+){2,}(?!\d)/dy, read: separate },
  // 1,000 or 1,000,000.5 (English thousands).
  { pattern: /(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?(?![\d]|[.,]\d)/dy, read: (match) => grouped(match, ',') },
  // 1 000 or 350 000,5 (thousands grouped by spaces).
  {
    pattern: new RegExp(`(\\d{1,3}(?:${spaceSeparator}\\d{3})+)(?:[.,](\\d+))?(?![\\d]|[.,]\\d)`, 'dy'),
    read: (match) => [whole(match, decimal((match[1] ?? '').replace(/\D/g, ''), match[2] ?? ''))],
  },
  // 3.5 or 3,5.
  { pattern: /(\d+)[.,](\d+)(?![\d]|[.,]\d)/dy, read: (match) => [whole(match, decimal(match[1] ?? '', match[2] ?? ''))] },
  { pattern: /\d+/dy, read: (match) => [whole(match, integer(match[0]))] },
];

/** After a number: a percent sign or word, in English or Hungarian. */
const percentAfter = new RegExp(
  `${spaceSeparator}?(?:%|per ?cent(?!\\p{L})|percentage points?(?!\\p{L})|százalék)`,
  'iuy',
);

/** Between the two numbers of a range: `3.5–5%`, `3.5 to 5%`, `3,5-től 5%-ig`. */
const rangeBetween = /^(?:\s*(?:[-–—]|to|and|or|és|vagy)\s*|-?t[óő]l\s+)$/u;

/**
 * The numbers of `text` in order, each with its normalised values.
 *
 * - Digits grouped by `,` (English), `.` (Hungarian) or a space in threes are one
 *   number; `1,000` and `1.000` may also be decimals, so they match `1` as well.
 * - `,` or `.` between digits otherwise marks decimals: `3,5` = `3.5`.
 * - A date (`2026.02.25.`, `2026-02-25`, `25.02.2026`) is its year, month and day;
 *   `2023.05.` its year and month. A month named next to a day or a year (`June 25`,
 *   `February 2026`, `1950. június 25-én`, `2022 májusában`, `Dec. 3`) is its number.
 * - A number followed by `%`, `percent`, `per cent`, `percentage point(s)` or
 *   `százalék…` is a percentage (`25%`); in a range, so is the first number (`3.5–5%`).
 * - Ordinal and Hungarian suffixes are not part of the number: `38th`, `38.`,
 *   `1950s`, `1950-es`, `2025-ben` are 38, 38, 1950, 1950, 2025. Signs are not read.
 */
export function numbersIn(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  let index = 0;
  while (index < text.length) {
    if (!isDigit(text[index]) || isDigit(text[index - 1])) {
      index += 1;
      continue;
    }
    const read = readAt(text, index);
    tokens.push(...read.tokens);
    index = read.end;
  }
  for (let position = 0; position + 1 < tokens.length; position++) {
    const [first, second] = [tokens[position], tokens[position + 1]];
    if (!first || !second || first.percent || !second.percent) continue;
    if (rangeBetween.test(text.slice(first.end, second.index))) {
      first.values = [...first.values, ...first.values.map((value) => value + '%')];
    }
  }
  return [...tokens, ...monthsIn(text, tokens)].sort((a, b) => a.index - b.index);
}

function readAt(text: string, start: number): { tokens: NumberToken[]; end: number } {
  for (const { pattern, read } of forms) {
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    const parts = match ? read(match) : undefined;
    if (!match || !parts) continue;
    const end = match.index + match[0].length;
    const tokens = parts.map(
      ({ values, from, to }): NumberToken => ({
        values,
        written: text.slice(from, to),
        index: from,
        end: to,
        month: false,
        percent: false,
      }),
    );
    const last = tokens.at(-1);
    if (last && last.end === end) {
      percentAfter.lastIndex = end;
      const percent = percentAfter.exec(text);
      if (percent) {
        last.percent = true;
        last.values = last.values.map((value) => value + '%');
        last.written = text.slice(last.index, end + percent[0].length);
      }
    }
    return { tokens, end };
  }
  return { tokens: [], end: start + 1 };
}

/** The whole match as one number. */
function whole(match: RegExpExecArray, value: string): Part {
  return { values: [value], from: match.index, to: match.index + match[0].length };
}

/** Each capture group a number: the parts of a date, if it is one. */
function dateParts(match: RegExpExecArray, count: 2 | 3): Part[] | undefined {
  const month = Number(match[2]);
  const day = count === 3 ? Number(match[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return Array.from({ length: count }, (_, index) => {
    const [from, to] = match.indices?.[index + 1] ?? [match.index, match.index];
    return { values: [integer(match[index + 1] ?? '')], from, to };
  });
}

/** Numbers joined by dots, each one of its own. */
function separate(match: RegExpExecArray): Part[] {
  let from = match.index;
  return match[0].split('.').map((digits) => {
    const part = { values: [integer(digits)], from, to: from + digits.length };
    from += digits.length + 1;
    return part;
  });
}

/** Digits grouped in threes by `separator`, perhaps followed by decimals. */
function grouped(match: RegExpExecArray, separator: ',' | '.'): Part[] {
  const digits = (match[1] ?? '').split(separator);
  const part = whole(match, decimal(digits.join(''), match[2] ?? ''));
  // `1,000` or `1.000` alone may also be a decimal with three places, as the other
  // language would write it.
  if (digits.length === 2 && match[2] === undefined) part.values.push(decimal(digits[0] ?? '', digits[1] ?? ''));
  return [part];
}

function integer(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

function decimal(whole: string, fraction: string): string {
  const places = fraction.replace(/0+$/, '');
  return integer(whole) + (places ? '.' + places : '');
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Month names, English (capitalised, as English writes them) and Hungarian. */
const monthForms: Array<{ pattern: RegExp; numberOf: (name: string) => number }> = [
  {
    pattern:
      /(?<!\p{L})(?:January|February|March|April|May|June|July|August|September|October|November|December)(?!\p{L})/gu,
    numberOf: (name) => englishMonths.indexOf(name.slice(0, 3)) + 1,
  },
  {
    pattern: /(?<!\p{L})(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?!\p{L})/gu,
    numberOf: (name) => englishMonths.indexOf(name.slice(0, 3)) + 1,
  },
  {
    // Hungarian inflects month names: `májusában`, `júniusi`, `februárjában`.
    pattern:
      /(?<!\p{L})(?:január|február|március|április|május|június|július|augusztus|szeptember|október|november|december)\p{L}*/giu,
    numberOf: (name) => hungarianMonths.findIndex((month) => name.toLowerCase().startsWith(month)) + 1,
  },
  {
    pattern: /(?<!\p{L})(?:jan|febr|márc|ápr|máj|jún|júl|aug|szept|okt|nov|dec)\.(?!\p{L})/giu,
    numberOf: (name) => hungarianMonths.findIndex((month) => month.startsWith(name.toLowerCase().slice(0, -1))) + 1,
  },
];

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const hungarianMonths = [
  'január',
  'február',
  'március',
  'április',
  'május',
  'június',
  'július',
  'augusztus',
  'szeptember',
  'október',
  'november',
  'december',
];

/** Between a day or year and a month name after it: `25 June`, `3rd of December`, `1950. június`. */
const beforeMonth = /^(?:st|nd|rd|th)?(?:\s+of)?[.,]?\s+$/u;
/** Between a month name and a day or year after it: `June 25`, `May, 2022`. */
const afterMonth = /^[.,]?\s+$/u;

/** Month names that stand next to a number of a date, as numbers. */
function monthsIn(text: string, numbers: readonly NumberToken[]): NumberToken[] {
  const months = new Map<number, NumberToken>();
  for (const { pattern, numberOf } of monthForms) {
    for (const match of text.matchAll(pattern)) {
      const index = match.index;
      const end = index + match[0].length;
      const month = numberOf(match[0]);
      if (month < 1 || months.has(index)) continue;
      const before = numbers.findLast((token) => token.end <= index);
      const after = numbers.find((token) => token.index >= end);
      const dated =
        (before !== undefined && beforeMonth.test(text.slice(before.end, index))) ||
        (after !== undefined && afterMonth.test(text.slice(end, after.index)));
      if (!dated) continue;
      months.set(index, { values: [String(month)], written: match[0], index, end, month: true, percent: false });
    }
  }
  return [...months.values()];
}

/**
 * The numbers of `source` that `target` lacks and those `target` has that `source`
 * does not. Each number is listed once, however often it occurs; a number that occurs
 * twice in one text and once in the other is not reported.
 */
export function compareNumbers(
  source: readonly NumberToken[],
  target: readonly NumberToken[],
): { missing: NumberToken[]; extra: NumberToken[] } {
  const has = (tokens: readonly NumberToken[], token: NumberToken) =>
    tokens.some((other) => other.values.some((value) => token.values.includes(value)));
  return {
    missing: firstOfEach(source.filter((token) => !has(target, token))),
    extra: firstOfEach(target.filter((token) => !has(source, token))),
  };
}

function firstOfEach(tokens: readonly NumberToken[]): NumberToken[] {
  const seen = new Set<string>();
  return tokens.filter((token) => {
    const key = token.values.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A number for a message: `350`, `25%`, or a month as `6` (`June`). */
export function describeNumber(token: NumberToken): string {
  return token.month ? `\`${token.values[0] ?? ''}\` (\`${token.written}\`)` : `\`${token.written}\``;
}
