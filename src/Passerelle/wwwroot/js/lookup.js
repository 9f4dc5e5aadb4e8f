// The product lookup, built for a barcode scanner that types like a keyboard and ends with Enter: after each
// answer the field holds the last value, selected, so the next scan replaces it instead of being glued on. On a
// phone, the answer is scrolled into view, since the form above it fills most of the screen.
(() => {
  const input = document.getElementById('q');
  if (!input) {
    return;
  }

  // Focusing first also cancels the autofocus attribute's own scroll back to the field (kept for pages without
  // script, where the field is still ready for the next scan).
  input.focus({ preventScroll: true });
  if (input.value) {
    input.select();
  }

  const results = document.getElementById('results');
  if (results && results.children.length > 0 && window.matchMedia('(max-width: 40rem)').matches) {
    results.scrollIntoView({ block: 'start' });
  }
})();
