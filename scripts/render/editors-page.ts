/**
 * The editors page that closes every edition, in every format: the series, its
 * publisher, editors and reviewers, the date of publication, the contact and the
 * copyright.
 */
import type { ElementContent } from 'hast';
import type { Edition } from '../manuscript/split-editions.js';
import type { Labels } from './labels.js';
import { fillTemplate, loadTemplate } from './template.js';
import { typeset } from './typography.js';

/**
 * The editors page of `edition`, the template `editors-page` filled in its language.
 *
 * @returns the page's nodes, for a format to place in its own shell.
 */
export function editorsPage(edition: Edition, labels: Labels): ElementContent[] {
  const rules = labels.typography;
  const { series } = edition;
  const tree = fillTemplate(loadTemplate('editors-page', { fragment: true }), {
    labels,
    values: {
      seriesName: series.name,
      issue: edition.issue,
      description: typeset(series.description, rules),
      editing: typeset(series.editing, rules),
      institute: series.publisher.institute,
      centre: series.publisher.centre,
      university: series.publisher.university,
      editors: series.editors.join(', '),
      reviewersLabel: labels.t('professionalReviewer', { count: edition.reviewers.length }),
      reviewers: edition.reviewers.join(', '),
      postal: series.contact.postal,
      street: series.contact.street,
      telephone: series.contact.telephone,
      telephoneHref: `tel:${series.contact.telephone.replace(/[^+\d]/g, '')}`,
      email: series.contact.email,
      copyright: series.copyright,
      date: labels.formatDate(edition.date),
      dateIso: edition.date,
    },
    conditions: { reviewers: edition.reviewers.length > 0 },
  });
  return tree.children as ElementContent[];
}
