// SCORM 1.2 adapter, in the package's launch page (scorm.html) only; the course runs in its frame.
//
// It finds the platform's API object (SCORM 1.2: "API" in a parent window, else in the opener's
// chain), calls LMSInitialize, and from then on only moves results the engine has graded:
// - cmi.core.lesson_status: "incomplete" on the first launch; "passed" or "failed" when the final
//   self-assessment is submitted, against the mastery score of the build's config;
// - cmi.core.score.raw (min 0, max 100): the marks of every submitted quiz (latest attempt each)
//   as a percentage of their total;
// - cmi.suspend_data (at most 4,096 characters): each quiz's saved progress and last score, put
//   back into the browser's storage at the next launch, where the engine checks it again. A value
//   that is not ours, or not readable, is ignored and the course starts fresh.
// It commits after each submitted quiz, and calls LMSFinish when the learner leaves.
// Without a platform (no API found) it only opens the course.
(function () {
  "use strict";
  var SUSPEND_LIMIT = 4096;
  var FORMAT = 1;
  var body = document.body;
  var mastery = Number(body.getAttribute("data-mastery-score"));
  var finalQuiz = body.getAttribute("data-final-quiz");
  var prefix = body.getAttribute("data-store-prefix");
  var frame = document.getElementById("hipdrop-course");

  function apiIn(win) {
    // Walk up the parent chain; a parent from another origin cannot be read, which ends the walk.
    for (var hops = 0; win && hops < 500; hops++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (error) {
        return null;
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    var api = apiIn(window.parent === window ? null : window.parent);
    if (!api && window.opener) api = apiIn(window.opener);
    return api;
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function quizKeys(store) {
    var keys = [];
    for (var i = 0; store && i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(prefix) === 0) keys.push(key);
    }
    return keys;
  }

  // ------------------------------------------------------------ suspend_data

  function emptyState() {
    return { v: FORMAT, progress: {}, scores: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function parseState(raw) {
    // Ours, or nothing: a corrupt or foreign value is ignored (the course starts fresh).
    if (!raw) return emptyState();
    try {
      var data = JSON.parse(raw);
      if (!isObject(data) || data.v !== FORMAT || !isObject(data.progress) || !isObject(data.scores)) throw new Error("not ours");
      var state = emptyState();
      Object.keys(data.progress).forEach(function (bank) {
        if (typeof data.progress[bank] === "string") state.progress[bank] = data.progress[bank];
      });
      Object.keys(data.scores).forEach(function (bank) {
        var s = data.scores[bank];
        if (Array.isArray(s) && s.length === 2 && isFinite(s[0]) && isFinite(s[1]) && s[1] > 0) state.scores[bank] = [Number(s[0]), Number(s[1])];
      });
      return state;
    } catch (error) {
      console.warn("hipdrop: the saved progress from the platform could not be read; starting fresh.");
      return emptyState();
    }
  }

  function serialise(state) {
    // Within the limit: scores always; if need be, progress entries are dropped: first any entry
    // too long to fit on its own, then the check quizzes' (longest first), the final's last.
    var copy = { v: FORMAT, progress: {}, scores: state.scores };
    Object.keys(state.progress).forEach(function (bank) {
      copy.progress[bank] = state.progress[bank];
    });
    var text = JSON.stringify(copy);
    function tooLong(bank) {
      return copy.progress[bank].length > SUSPEND_LIMIT;
    }
    var banks = Object.keys(copy.progress).sort(function (a, b) {
      return (
        tooLong(b) - tooLong(a) ||
        (a === finalQuiz) - (b === finalQuiz) ||
        copy.progress[b].length - copy.progress[a].length
      );
    });
    while (text.length > SUSPEND_LIMIT && banks.length) {
      delete copy.progress[banks.shift()];
      text = JSON.stringify(copy);
    }
    return text.length > SUSPEND_LIMIT ? JSON.stringify(emptyState()) : text;
  }

  // ------------------------------------------------------------ the session

  function startCourse() {
    if (frame && !frame.getAttribute("src")) frame.setAttribute("src", frame.getAttribute("data-src"));
  }

  var api = findApi();
  if (!api || String(api.LMSInitialize("")) !== "true") {
    window.hipdropScorm = null;
    startCourse();
    return;
  }

  var store = storage();
  var state = parseState(String(api.LMSGetValue("cmi.suspend_data") || ""));
  var finished = false;

  // This learner's saved answers replace whatever this browser holds (a shared computer).
  quizKeys(store).forEach(function (key) {
    store.removeItem(key);
  });
  Object.keys(state.progress).forEach(function (bank) {
    try {
      store.setItem(prefix + bank, state.progress[bank]);
    } catch (error) {
      /* storage full or refused: that quiz starts empty */
    }
  });

  var status = String(api.LMSGetValue("cmi.core.lesson_status") || "");
  if (status === "" || status === "not attempted") api.LMSSetValue("cmi.core.lesson_status", "incomplete");
  api.LMSSetValue("cmi.core.score.min", "0");
  api.LMSSetValue("cmi.core.score.max", "100");
  api.LMSCommit("");

  function readProgress() {
    quizKeys(store).forEach(function (key) {
      state.progress[key.slice(prefix.length)] = store.getItem(key);
    });
    Object.keys(state.progress).forEach(function (bank) {
      if (store && store.getItem(prefix + bank) === null) delete state.progress[bank];
    });
  }

  function save(commit) {
    if (finished) return;
    readProgress();
    api.LMSSetValue("cmi.suspend_data", serialise(state));
    if (commit) api.LMSCommit("");
  }

  function rawScore() {
    var got = 0;
    var out = 0;
    Object.keys(state.scores).forEach(function (bank) {
      got += state.scores[bank][0];
      out += state.scores[bank][1];
    });
    return out ? Math.round((100 * got) / out) : 0;
  }

  window.hipdropScorm = {
    // A quiz was submitted and graded by the engine (the page's hipdrop:quiz-graded event).
    quizGraded: function (bank, result) {
      if (finished || !isFinite(result.score) || !(result.max_score > 0)) return;
      state.scores[bank] = [Number(result.score), Number(result.max_score)];
      api.LMSSetValue("cmi.core.score.raw", String(rawScore()));
      if (bank === finalQuiz) {
        api.LMSSetValue("cmi.core.lesson_status", result.percent >= mastery ? "passed" : "failed");
      }
      save(true);
    },
    // Answers changed on a page: keep them in suspend_data (committed with the next result).
    progressChanged: function () {
      save(false);
    },
  };

  function finish() {
    if (finished) return;
    save(true);
    finished = true;
    api.LMSFinish("");
  }

  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  startCourse();
})();
