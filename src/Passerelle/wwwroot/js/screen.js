// The screening page, built for a keyboard-wedge MRZ reader: the reader types each line and Enter; once the
// text is a complete MRZ (2 lines of 44 or 36 characters, or 3 of 30), the form submits itself. A document number
// typed by hand is submitted with Enter.
(() => {
  const form = document.getElementById('screen-form');
  const input = document.getElementById('query');
  if (!form || !input) {
    return;
  }

  const lines = (text) => text.toUpperCase().split(/\s+/).filter((line) => line.length > 0);
  const complete = (text) => {
    const l = lines(text);
    if (l.length === 3) {
      return l.every((line) => line.length === 30);
    }
    return l.length === 2 && (l[0].length === 44 || l[0].length === 36) && l[1].length === l[0].length;
  };
  let sent = false;
  const send = () => {
    if (!sent) {
      sent = true;
      form.requestSubmit();
    }
  };

  input.focus();
  input.addEventListener('input', () => {
    if (complete(input.value)) {
      send();
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') {
      return;
    }
    const typedByHand = !input.value.includes('<') && lines(input.value).length <= 1;
    if (event.ctrlKey || typedByHand || complete(input.value)) {
      event.preventDefault();
      send();
    }
  });
})();
