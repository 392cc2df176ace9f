// Live reload for `jlaga dev`. The dev server adds this script to the pages it serves,
// never to the built files. After a good build it reloads the page; after a failed one
// it shows the build's messages over the last good page, which stays underneath.

(() => {
  const events = new EventSource('/__dev/events');
  let connected = false;
  events.addEventListener('open', () => {
    // A second `open` is a reconnection: the server restarted, and may have built meanwhile.
    if (connected) location.reload();
    connected = true;
  });
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('build-error', (event) => showOverlay(JSON.parse(event.data)));

  /** Show `report` ({slug, messages}) in a modal alert dialog with a close button. */
  function showOverlay(report) {
    document.querySelector('[data-dev-overlay]')?.remove();
    const host = element('div', { 'data-dev-overlay': '' });
    // A shadow root keeps the page's styles and the overlay's apart.
    const root = host.attachShadow({ mode: 'open' });
    const styles = element('link', { rel: 'stylesheet', href: '/__dev/overlay.css' });
    const count = (severity) => report.messages.filter((message) => message.severity === severity).length;
    const close = element('button', { type: 'button', class: 'close' }, 'Close');
    const dialog = element(
      'dialog',
      {
        role: 'alertdialog',
        lang: 'en',
        'aria-labelledby': 'dev-overlay-title',
        'aria-describedby': 'dev-overlay-summary',
      },
      element(
        'div',
        { class: 'title-bar' },
        element('h2', { id: 'dev-overlay-title' }, `${report.slug}: not rebuilt`),
        close,
      ),
      element(
        'p',
        { id: 'dev-overlay-summary' },
        `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}. ` +
          'The page underneath is the last good build; it reloads after the next good one.',
      ),
      element('ol', {}, ...report.messages.map(messageItem)),
    );
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => host.remove());
    root.append(styles, dialog);
    document.body.append(host);
    // Open once the styles are there, so the dialog never shows unstyled.
    const open = () => {
      if (host.isConnected && !dialog.open) dialog.showModal();
    };
    styles.addEventListener('load', open);
    styles.addEventListener('error', open);
  }

  /** One message as the terminal shows it: place, severity, reason, rule id. */
  function messageItem(message) {
    const place =
      message.file === null
        ? ''
        : message.line === null
          ? message.file
          : `${message.file}:${message.line}:${message.column ?? 1}`;
    return element(
      'li',
      { class: message.severity },
      element('span', { class: 'place' }, place),
      element('span', { class: 'severity' }, message.severity),
      element('span', { class: 'reason' }, message.reason),
      message.ruleId === null ? '' : element('code', { class: 'rule' }, message.ruleId),
    );
  }

  /** A new element; string children become text nodes, never markup. */
  function element(name, attributes, ...children) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    node.append(...children);
    return node;
  }

  function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
  }
})();
