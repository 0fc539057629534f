// Follows a background job: updates the <progress> bar and reloads the page when it ends.
(function () {
  "use strict";
  var box = document.querySelector("[data-job-url]");
  if (!box) { return; }
  var bar = box.querySelector("progress");
  var note = box.querySelector("[data-job-message]");
  function poll() {
    fetch(box.getAttribute("data-job-url"), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) { return; }
        bar.value = job.progress;
        if (note && job.message) { note.textContent = job.message; }
        if (job.status === "done" || job.status === "failed") {
          window.location.replace(box.getAttribute("data-done-url"));
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
