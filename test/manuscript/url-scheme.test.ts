/** The link schemes an edition may carry. */
import { describe, expect, it } from 'vitest';
import { isAllowedUrl } from '../../scripts/manuscript/url-scheme.js';

describe('isAllowedUrl', () => {
  it.each([
    'https://www.uni-nke.hu/',
    'http://example.org/a?b=c#d',
    'HTTPS://EXAMPLE.ORG',
    'mailto:office@example.org',
    'MailTo:office@example.org',
    '#exec-summary',
    '#',
  ])('allows %s', (url) => {
    expect(isAllowedUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    '//evil.example/',
    '/absolute/path',
    'relative/page.html',
    'assets/map.png',
    'ftp://example.org/',
    'https:example.org',
    'https:///path',
    'https://exa\nmple.org/',
    'mailto:',
    'mailto:x@y.zz?subject=Hello&body=Text',
    'mailto:?to=x@y.zz',
    '',
  ])('refuses %j', (url) => {
    expect(isAllowedUrl(url)).toBe(false);
  });
});
