/** Where the pages of the HTML and print editions find the images. */

/**
 * An image URL of the manuscript (`assets/x.svg`) as seen from a page `depth` folders
 * below the folder that holds `media/`.
 *
 * @returns the URL to write into the page; any other URL unchanged.
 */
export function mediaUrl(url: string, depth: number): string {
  if (!url.startsWith('assets/')) return url;
  return `${'../'.repeat(depth)}media/${url.slice('assets/'.length)}`;
}
