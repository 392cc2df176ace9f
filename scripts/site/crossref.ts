/**
 * The Crossref deposit of an issue (schema 5.3.1): each language's edition as a report,
 * in its series when the series has an ISSN, with its DOI, its page on the series'
 * website, and the other languages' editions as its translations. What a publisher
 * sends Crossref to register the DOIs; built from the validated issue, never the
 * manuscript.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { ValidatedIssue } from '../manuscript/read-issue.js';
import type { Lang } from '../manuscript/schema.js';

const crossrefNamespace = 'http://www.crossref.org/schema/5.3.1';
const relationsNamespace = 'http://www.crossref.org/relations.xsd';
const instanceNamespace = 'http://www.w3.org/2001/XMLSchema-instance';

/** What a deposit needs besides the issue. */
export interface DepositOptions {
  /** The page of each language's edition on the series' website. */
  editionUrl: (lang: Lang) => string;
  /** The deposit's version: digits that grow with each deposit of the issue (a time, `YYYYMMDDhhmmss`). */
  timestamp: string;
}

/** A deposit, or what the issue and its series lack for one. */
export type Deposit = { xml: string } | { missing: string[] };

/** The Crossref deposit of `issue`'s editions. */
export function crossrefDeposit(issue: ValidatedIssue, options: DepositOptions): Deposit {
  const { series, frontMatter } = issue;
  const missing = [
    ...(series.doi ? [] : ['`doi` (prefix and depositor) in series.yaml']),
    ...(frontMatter.doi ? [] : [`\`doi\` of each language in the front matter of ${issue.location.slug}`]),
  ];
  if (!series.doi || !frontMatter.doi || missing.length > 0) return { missing };
  if (!/^\d{1,20}$/.test(options.timestamp)) throw new Error(`Not a Crossref timestamp: ${options.timestamp}`);
  const dois = frontMatter.doi;

  const document = create({ version: '1.0', encoding: 'UTF-8' });
  const batch = document
    .ele(crossrefNamespace, 'doi_batch', { version: '5.3.1' })
    .att('xmlns:rel', relationsNamespace)
    .att(
      instanceNamespace,
      'xsi:schemaLocation',
      `${crossrefNamespace} https://www.crossref.org/schemas/crossref5.3.1.xsd`,
    );
  const head = batch.ele('head');
  head.ele('doi_batch_id').txt(`jlaga-${issue.location.slug}-${options.timestamp}`);
  head.ele('timestamp').txt(options.timestamp);
  const depositor = head.ele('depositor');
  depositor.ele('depositor_name').txt(series.doi.depositor.name);
  depositor.ele('email_address').txt(series.doi.depositor.email);
  head.ele('registrant').txt(series.publisher.institute[issue.languages[0] ?? ''] ?? '');

  const body = batch.ele('body');
  for (const lang of issue.languages) {
    const inSeries = series.issn !== undefined;
    const metadata = body.ele('report-paper').ele(inSeries ? 'report-paper_series_metadata' : 'report-paper_metadata', {
      language: lang,
    });
    if (inSeries) {
      const seriesMetadata = metadata.ele('series_metadata');
      seriesMetadata
        .ele('titles')
        .ele('title')
        .txt(series.name[lang] ?? '');
      seriesMetadata.ele('issn', { media_type: 'electronic' }).txt(series.issn ?? '');
    }
    const contributors = metadata.ele('contributors');
    for (const [index, author] of frontMatter.authors.entries()) {
      const person = contributors.ele('person_name', {
        sequence: index === 0 ? 'first' : 'additional',
        contributor_role: 'author',
      });
      person.ele('given_name').txt(author.given);
      person.ele('surname').txt(author.family);
    }
    const titles = metadata.ele('titles');
    titles.ele('title').txt(frontMatter.title[lang] ?? '');
    if (frontMatter.subtitle?.[lang]) titles.ele('subtitle').txt(frontMatter.subtitle[lang]);
    const [year, month, day] = frontMatter.date.split('-');
    const date = metadata.ele('publication_date', { media_type: 'online' });
    date.ele('month').txt(month ?? '');
    date.ele('day').txt(day ?? '');
    date.ele('year').txt(year ?? '');
    metadata
      .ele('publisher')
      .ele('publisher_name')
      .txt(series.publisher.institute[lang] ?? '');
    metadata
      .ele('institution')
      .ele('institution_name')
      .txt(series.publisher.university[lang] ?? '');
    metadata.ele('publisher_item').ele('identifier', { id_type: 'report-number' }).txt(frontMatter.issue);
    const translations = issue.languages.filter((other) => other !== lang);
    const doiData = (parent: XMLBuilder) => {
      const data = parent.ele('doi_data');
      data.ele('doi').txt(dois[lang] ?? '');
      data.ele('resource').txt(options.editionUrl(lang));
    };
    // The two metadata elements put the DOI and the relations in different orders.
    if (inSeries) doiData(metadata);
    if (translations.length > 0) {
      const related = metadata.ele(relationsNamespace, 'rel:program');
      const source = issue.languages[0];
      for (const other of translations) {
        // The source language's edition has translations; a translation is one of it.
        const type = lang === source ? 'hasTranslation' : other === source ? 'isTranslationOf' : 'isRelatedMaterial';
        related
          .ele(relationsNamespace, 'rel:related_item')
          .ele(relationsNamespace, 'rel:intra_work_relation', { 'relationship-type': type, 'identifier-type': 'doi' })
          .txt(dois[other] ?? '');
      }
    }
    if (!inSeries) doiData(metadata);
  }
  return { xml: `${document.end({ prettyPrint: true })}\n` };
}
