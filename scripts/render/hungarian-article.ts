/**
 * The Hungarian definite article before a number: `az` when the number read aloud begins
 * with a vowel (`az 1.`, `az 5.`, `az 50.`, `az 1000.`), `a` otherwise (`a 2.`, `a 10.`,
 * `a 100.`). The labels use it through the i18next format `article`
 * (`Vissza {{number, article}} {{number}}. jegyzet hivatkozásához`).
 */

/**
 * The article of a whole number written in digits. The reading begins with the number's
 * highest group of three digits: a one-digit group is read from its digit (`egy`, `öt`
 * begin with vowels; a leading 1 of thousands reads `ezer`, of millions `egymillió`),
 * a two-digit one from its tens (`ötven`), a three-digit one from its hundreds
 * (`ötszáz`; `száz` for 1).
 *
 * @param value a non-negative whole number, or its digits.
 */
export function hungarianArticle(value: number | string): 'a' | 'az' {
  const digits = String(value).replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits)) throw new Error(`Expected the digits of a whole number, not \`${String(value)}\``);
  const leading = digits.length % 3 || 3;
  const first = digits[0];
  if (leading === 1) return first === '1' || first === '5' ? 'az' : 'a';
  return first === '5' ? 'az' : 'a';
}
