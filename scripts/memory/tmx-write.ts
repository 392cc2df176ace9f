/**
 * A translation memory as TMX 1.4b, the exchange format every CAT tool reads: one `tu`
 * per pair, its origin and segment as properties, the texts as plain `seg`s.
 */
import { create } from 'xmlbuilder2';
import { programInfo } from '../project.js';
import type { MemoryPair } from './pairs.js';

/** An ISO 8601 time as TMX writes it: `YYYYMMDDThhmmssZ`, UTC. */
function tmxDate(iso: string): string {
  return `${new Date(iso).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** The TMX document of `pairs`, whose source language is `sourceLang`. */
export function tmxDocument(pairs: readonly MemoryPair[], sourceLang: string): string {
  const program = programInfo();
  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const tmx = document.ele('tmx', { version: '1.4' });
  tmx.ele('header', {
    creationtool: program.name,
    creationtoolversion: program.version,
    segtype: 'block',
    'o-tmf': 'jlaga',
    adminlang: 'en',
    srclang: sourceLang,
    datatype: 'plaintext',
  });
  const body = tmx.ele('body');
  for (const pair of pairs) {
    const tu = body.ele('tu', {
      ...(pair.segment === undefined ? {} : { tuid: `${pair.origin}#${pair.segment}` }),
      ...(pair.date === undefined ? {} : { creationdate: tmxDate(pair.date) }),
    });
    tu.ele('prop', { type: 'x-jlaga-origin' }).txt(pair.origin);
    if (pair.segment !== undefined) tu.ele('prop', { type: 'x-jlaga-segment' }).txt(pair.segment);
    for (const side of [pair.source, pair.target]) {
      tu.ele('tuv', { 'xml:lang': side.lang }).ele('seg').txt(side.text);
    }
  }
  return `${document.end({ prettyPrint: true })}\n`;
}
