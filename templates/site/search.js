/*
 * The site's search page: reads `q` from the address, searches the language's index
 * (Pagefind's `pagefind.js`, fetched from the site; the page's `<html lang>` picks the
 * index) and lists each result: its title as a link, its issue and kind, and the
 * passage that matched, the words found marked. The form submits to this page by GET,
 * so a search is an address that can be kept and shared. The labels come from the page.
 * A classic script (Pagefind is imported when needed), so that from a disk, where the
 * index cannot be read, it still says so.
 */
const section = document.querySelector('[data-search-index]');
const input = document.getElementById('search-q');
const status = section?.querySelector('.search-status[role="status"]');
const list = section?.querySelector('.search-results');

/** A label of the page, its `{name}` replaced by the values given. */
function label(name, values = {}) {
  const text = section.dataset[name] ?? '';
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

/** The passage Pagefind gives as HTML, rebuilt from its text and `<mark>`s only. */
function excerpt(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const paragraph = document.createElement('p');
  paragraph.className = 'search-excerpt';
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent ?? '');
    }
  }
  return paragraph;
}

/** One result as a list item. */
function resultItem(data) {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  if (data.meta.issue) {
    const issue = document.createElement('span');
    issue.className = 'issue-number';
    issue.textContent = label('labelIssue', { issue: data.meta.issue });
    meta.append(issue);
  }
  const kind = data.meta.kind === 'issue' ? label('labelKindIssue') : label('labelKindEdition');
  meta.append(meta.childNodes.length > 0 ? ` · ${kind}` : kind);
  item.append(heading, meta, excerpt(data.excerpt));
  return item;
}

async function search(query) {
  status.textContent = label('labelSearching', { query });
  let pagefind;
  try {
    const bundle = new window.URL(section.dataset.searchIndex, document.baseURI);
    pagefind = await import(new window.URL('pagefind.js', bundle).href);
    // Result addresses start at the site's root, wherever the site is published.
    await pagefind.options({ baseUrl: new window.URL('../', bundle).pathname });
    await pagefind.init();
  } catch {
    status.textContent = label('labelFailed');
    return;
  }
  const lang = document.documentElement.lang;
  const found = await pagefind.search(query, { filters: { language: lang } });
  const results = await Promise.all(found.results.map((result) => result.data()));
  const plural = new Intl.PluralRules(lang).select(results.length) === 'one' ? 'labelResultsOne' : 'labelResultsOther';
  status.textContent =
    results.length === 0
      ? label('labelNoResults', { query })
      : label(plural, { query, number: results.length.toLocaleString(lang) });
  list.replaceChildren(...results.map(resultItem));
}

const query = new window.URLSearchParams(window.location.search).get('q')?.trim() ?? '';
if (section && input && status && list && query !== '') {
  input.value = query;
  void search(query);
}
