/**
 * The series glossary: its terms found in their inflected forms, its warnings at their
 * places, and the glossary file checked like the front matter.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readGlossary } from '../../scripts/manuscript/glossary.js';
import { findForms } from '../../scripts/manuscript/term-match.js';
import { fixtures, messageLines, read } from '../helpers.js';

const words = (text: string, forms: string[], lang: string) => findForms(text, forms, lang).map((match) => match.text);

describe('glossary terms', () => {
  it('match a Hungarian form with its suffixes, and not another word', () => {
    expect(words('Korea mintaszövetségesként lépett fel.', ['mintaszövetséges'], 'hu')).toEqual(['mintaszövetségesként']);
    expect(words('Egy mintaszerű szövetséges.', ['mintaszövetséges'], 'hu')).toEqual([]);
    expect(words('az almát és az almáról', ['alma'], 'hu')).toEqual(['almát', 'almáról']);
    expect(words('a kedvez\u00adményezettek', ['kedvezményezett'], 'hu')).toEqual(['kedvez\u00adményezettek']);
    expect(words('kölcsönös gazdasági függőségen', ['kölcsönös függőség'], 'hu')).toEqual([]);
  });

  it('match an English form in its plurals and possessives, and not a longer word', () => {
    expect(words('Model allies, a model ally’s role, the model allies’ duty', ['model ally'], 'en')).toEqual([
      'Model allies',
      'model ally’s',
      'model allies’',
    ]);
    expect(words('Allied forces and an ally', ['ally'], 'en')).toEqual(['ally']);
    expect(words('the Indo-Pacific region', ['Indo-Pacific'], 'en')).toEqual(['Indo-Pacific']);
  });

  it('warn where a translation lacks the term or uses a form to avoid, and not where it keeps a source phrase', async () => {
    const result = await read(path.join(fixtures, 'glossary', 'terms'));
    expect(messageLines(result).filter((line) => line.includes('glossary'))).toEqual([
      'index.md 17:1 warning glossary-term',
      'index.md 18:3 warning glossary-avoid',
      'index.md 25:1 warning glossary-term',
      'index.md 41:1 warning glossary-term',
    ]);
    expect(result.issue).toBeDefined();
    const reasons = result.files.flatMap((file) => file.messages.map((message) => message.reason));
    expect(reasons).toContain(
      'Unexpected `modellszövetségesek` in `hu`, expected `mintaszövetséges`: the glossary avoids it for `model ally`',
    );
    expect(reasons).toContain(
      'Missing `haszonélvező` for `beneficiary` in the `hu` block of `#missing`, expected the glossary’s term (one word for it throughout)',
    );
  });

  it('are read from a glossary checked like the front matter: unknown keys and missing languages are errors', async () => {
    const result = await read(path.join(fixtures, 'glossary-broken', 'terms'));
    expect(messageLines(result).filter((line) => line.startsWith('glossary.yaml'))).toEqual([
      'glossary.yaml 3:37 error unknown-key',
      'glossary.yaml 4:3 error missing-language',
      'glossary.yaml 9:3 error unknown-key',
    ]);
    expect(result.issue).toBeUndefined();
  });

  it('refuse two entries for one term, naming the first', () => {
    const file = new VFile({ path: 'glossary.yaml' });
    const text = '- en: model ally\n  hu: mintaszövetséges\n- en: [ally, Model Ally]\n  hu: szövetséges\n';
    expect(readGlossary(file, text, ['en', 'hu'])).toBeUndefined();
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)).toEqual([
      '3:3 duplicate-term Unexpected second entry for `Model Ally`, expected one entry per term',
    ]);
    expect(readGlossary(new VFile(), '- en: model ally\n  hu: mintaszövetséges\n', ['en', 'hu'])?.entries).toHaveLength(1);
  });
});
