// What every page shares.
// - A button or form with data-confirm="…" asks before it submits: a destructive or final action (disable, revoke,
//   close, decide) is confirmed first. Without script the action still works; the server checks it in any case.
// - The status region says what the last action did; its text is set again after load, so screen readers that
//   ignore a live region's first content still announce it.
// - On a phone the navigation is one line that scrolls sideways; the current page is scrolled into it.
// - A button with data-copy="ID" copies that element's text and says beside it whether it could. It shows only where the page may
//   write to the clipboard; elsewhere the text is selected by hand, as it always can be.
(() => {
  document.addEventListener('submit', (event) => {
    const source = event.submitter && event.submitter.dataset.confirm !== undefined ? event.submitter : event.target;
    const question = source.dataset ? source.dataset.confirm : undefined;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener('DOMContentLoaded', () => {
    const status = document.getElementById('status');
    if (status && status.textContent.trim()) {
      const text = status.textContent;
      status.textContent = '';
      window.setTimeout(() => { status.textContent = text; }, 100);
    }

    document.querySelectorAll('button[data-copy]').forEach((button) => {
      const source = document.getElementById(button.dataset.copy);
      if (!source || !navigator.clipboard || !window.isSecureContext) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', () => {
        const said = button.parentElement.querySelector('.copy-status');
        const say = (text) => {
          if (said) {
            said.textContent = text;
          }
        };
        navigator.clipboard.writeText(source.textContent.trim())
          .then(() => say(button.dataset.copied), () => say(button.dataset.failed));
      });
    });

    const current = document.querySelector('.top nav [aria-current="page"]');
    const strip = current && current.closest('ul');
    if (strip && strip.scrollWidth > strip.clientWidth) {
      strip.scrollLeft = current.offsetLeft - (strip.clientWidth - current.offsetWidth) / 2;
    }
  });
})();
