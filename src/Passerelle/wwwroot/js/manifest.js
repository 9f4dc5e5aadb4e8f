// Uploads a manifest with a progress bar, then shows the results the server sends back.
(() => {
  const form = document.getElementById('manifest-form');
  const bar = document.getElementById('manifest-progress');
  const status = document.getElementById('manifest-status');
  const results = document.getElementById('manifest-results');
  if (!form || !bar || !results) {
    return;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        bar.max = e.total;
        bar.value = e.loaded;
        status.textContent = `${Math.round((100 * e.loaded) / e.total)} %`;
      }
    });
    request.addEventListener('load', () => {
      bar.value = bar.max;
      status.textContent = request.status === 200 ? '' : `${request.status}`;
      results.innerHTML = request.responseText;
      results.focus();
    });
    request.send(new FormData(form));
  });
})();
