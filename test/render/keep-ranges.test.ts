/**
 * What `rehypeKeepRanges` keeps on one line: numeric ranges and Korean given names
 * (family name first), each in a `span.nowrap`, the text unchanged.
 */
import type { Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeKeepRanges } from '../../scripts/render/rehype-keep-ranges.js';

function kept(text: string): string {
  const tree: Root = { type: 'root', children: [h('p', text)] };
  unified().use(rehypeKeepRanges).runSync(tree);
  return toHtml(tree);
}

describe('rehypeKeepRanges', () => {
  it('keeps a numeric range whole', () => {
    expect(kept('(1945–2026)')).toBe('<p>(<span class="nowrap">1945–2026</span>)</p>');
  });

  it('keeps a Korean given name whole, never a compound or a name with a suffix', () => {
    expect(kept('Lee Jae-myung és Chun\u00a0Doo-hwan')).toBe(
      '<p>Lee <span class="nowrap">Jae-myung</span> és Chun\u00a0<span class="nowrap">Doo-hwan</span></p>',
    );
    expect(kept('Moon Jae-in, Kim Dae-jung')).toBe(
      '<p>Moon <span class="nowrap">Jae-in</span>, Kim <span class="nowrap">Dae-jung</span></p>',
    );
    for (const text of ['Donald Trump-adminisztráció', 'Yoon Suk Yeol-kormányzat', 'a Dél-Korea és Észak-Koreával']) {
      expect(kept(text)).toBe(`<p>${text}</p>`);
    }
  });
});
