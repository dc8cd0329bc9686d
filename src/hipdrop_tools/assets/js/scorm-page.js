// SCORM build only, in every course page: hands each graded quiz result, and a nudge when answers
// change, to the SCORM adapter of the launch page (scorm.js) that frames the course. The engine
// has already graded the result; nothing is decided here. Opened outside the package's launch
// page, there is no adapter and this does nothing.
(function () {
  "use strict";
  if (window.hipdropScormPage) return; // once per document
  window.hipdropScormPage = true;

  function adapter() {
    var win = window;
    for (var hops = 0; hops < 10 && win.parent && win.parent !== win; hops++) {
      try {
        win = win.parent;
        if (win.hipdropScorm) return win.hipdropScorm;
      } catch (error) {
        return null; // a frame from another origin: not our launch page
      }
    }
    return null;
  }

  function inQuiz(event) {
    return event.target && event.target.closest && event.target.closest("[data-hipdrop-widget]");
  }

  // Bubbling listeners: they run after the quiz widget's own, which has saved the answers by then.
  document.addEventListener("hipdrop:quiz-graded", function (event) {
    var scorm = adapter();
    if (scorm && event.detail) scorm.quizGraded(event.detail.bank, event.detail.result);
  });
  ["change", "input", "click"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var scorm = adapter();
      if (scorm && inQuiz(event)) scorm.progressChanged();
    });
  });
  window.addEventListener("pagehide", function () {
    var scorm = adapter();
    if (scorm) scorm.progressChanged();
  });
})();
