// Quiz widget: collects the reader's answers, has the engine grade them, shows the feedback.
//
// The engine (Python, in the worker) does all the deciding. It is sent the bank once per page
// (quiz.load), then gives the option order for a seed (quiz.order), a generated question's problem
// (quiz.problem), whether saved progress is usable (quiz.restore), grading and exam rules
// (quiz.submit, quiz.grade). This file only reads
// the form, moves elements and shows results.
// Its words come from the page's catalog (messages.js); the engine's come in its results, in the
// language each call names.

import { language, text } from "../messages.js";
import { ResultCodeView } from "../result-code-view.js";

const STORE_FORMAT = 1;
const VERSION_PARAM = "quiz-version";

function storeProblem(error) {
  return error?.name === "QuotaExceededError" ? "full" : "blocked";
}

function store(key) {
  // localStorage can be missing, blocked (the getter throws) or full (setItem throws): never fail
  // on it. write() and probe() return null when it works, else "blocked" or "full".
  return {
    probe() {
      try {
        const storage = window.localStorage;
        storage.setItem(`${key}.probe`, "1");
        storage.removeItem(`${key}.probe`);
        return null;
      } catch (error) {
        return storeProblem(error);
      }
    },
    read() {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write(value) {
      try {
        window.localStorage.setItem(key, JSON.stringify(value));
        return null;
      } catch (error) {
        return storeProblem(error); // progress is a convenience; the quiz works without it
      }
    },
    clear() {
      try {
        window.localStorage.removeItem(key);
      } catch {
        /* nothing to clear */
      }
    },
  };
}

function newSeed() {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return 10000 + (n % 90000);
}

function seedFromUrl() {
  const raw = new URLSearchParams(window.location.search).get(VERSION_PARAM);
  return raw && /^\d{1,5}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
}

function questionFields(form) {
  return [...form.querySelectorAll("fieldset[data-question]")];
}

const GENERATED = "generated_numeric";

function generatedFields(form) {
  return questionFields(form).filter((fieldset) => fieldset.dataset.type === GENERATED);
}

// A generated question's answer carries the seed of the problem on screen: it is graded against that one.
function problemSeed(fieldset) {
  return Number(fieldset.querySelector(".hd-problem").dataset.seed);
}

function responsesOf(form) {
  const responses = {};
  for (const fieldset of questionFields(form)) {
    const id = fieldset.dataset.question;
    const type = fieldset.dataset.type;
    if (type === "numeric") {
      const value = fieldset.querySelector("input").value.trim();
      if (value) responses[id] = value;
    } else if (type === GENERATED) {
      responses[id] = { seed: problemSeed(fieldset), value: fieldset.querySelector("input").value.trim() };
    } else if (type === "ordering" || type === "matching") {
      const answer = {};
      for (const row of fieldset.querySelectorAll(".hd-item, .hd-pair")) {
        const value = row.querySelector("select").value;
        if (value) answer[row.dataset.item ?? row.dataset.left] = value;
      }
      if (Object.keys(answer).length) responses[id] = answer;
    } else {
      const chosen = [...fieldset.querySelectorAll("input:checked")].map((input) => input.value);
      if (chosen.length) responses[id] = chosen;
    }
  }
  return responses;
}

function applyResponses(form, responses) {
  for (const fieldset of questionFields(form)) {
    const answer = responses[fieldset.dataset.question];
    if (answer === undefined) continue;
    const type = fieldset.dataset.type;
    if (type === "numeric") {
      fieldset.querySelector("input").value = String(answer);
    } else if (type === GENERATED) {
      fieldset.querySelector("input").value = String(answer.value ?? "");
    } else if (type === "ordering" || type === "matching") {
      for (const row of fieldset.querySelectorAll(".hd-item, .hd-pair")) {
        const value = answer[row.dataset.item ?? row.dataset.left];
        row.querySelector("select").value = value === undefined ? "" : String(value);
      }
    } else {
      for (const input of fieldset.querySelectorAll("input")) input.checked = answer.includes(input.value);
    }
  }
}

function clearAnswers(form) {
  for (const input of form.querySelectorAll("input")) {
    if (input.type === "text") input.value = "";
    else input.checked = false;
  }
  for (const select of form.querySelectorAll("select")) select.value = "";
}

function reorder(container, selector, attribute, ids) {
  if (!container || !ids) return;
  const nodes = new Map([...container.querySelectorAll(selector)].map((node) => [node.getAttribute(attribute), node]));
  for (const id of ids) if (nodes.has(id)) container.append(nodes.get(id));
}

function applyOrder(form, order) {
  for (const fieldset of questionFields(form)) {
    const parts = order[fieldset.dataset.question] ?? {};
    reorder(fieldset.querySelector(".hd-options"), ".hd-option", "data-option", parts.options);
    reorder(fieldset.querySelector(".hd-items"), ".hd-item", "data-item", parts.items);
    reorder(fieldset.querySelector(".hd-pairs"), ".hd-pair", "data-left", parts.left);
    if (parts.right) {
      for (const select of fieldset.querySelectorAll(".hd-pair select")) {
        const value = select.value;
        reorder(select, "option[value]:not([value=''])", "value", parts.right);
        select.value = value;
      }
    }
  }
}

// The feedback of the whole form, or of one question (a generated question given new numbers).
function clearFeedback(form) {
  for (const el of form.querySelectorAll(".hd-option-feedback, .hd-part-feedback, .hd-explanation, .hd-answer")) {
    el.hidden = true;
    el.replaceChildren();
  }
  for (const el of form.querySelectorAll("[data-verdict]")) delete el.dataset.verdict;
  for (const el of form.querySelectorAll("[data-key]")) delete el.dataset.key;
  if (form.dataset.verdict) delete form.dataset.verdict;
}

function setLocked(form, locked) {
  const controls = ["input", "select", "button.hd-new-numbers"].map((tag) => `fieldset[data-question] ${tag}`);
  for (const el of form.querySelectorAll(controls.join(", "))) {
    el.disabled = locked;
  }
}

function showQuestion(fieldset, result) {
  fieldset.dataset.verdict = result.verdict;
  for (const chosen of result.chosen) {
    const option = fieldset.querySelector(`.hd-option[data-option="${CSS.escape(chosen.option)}"]`);
    const box = option?.querySelector(".hd-option-feedback");
    if (!box) continue;
    option.dataset.verdict = chosen.correct ? "correct" : "incorrect";
    box.innerHTML = chosen.feedback_html;
    const label = document.createElement("strong");
    label.textContent = text(chosen.correct ? "quiz.live.correct_choice" : "quiz.live.wrong_choice");
    (box.querySelector("p") ?? box).prepend(label, " ");
    box.hidden = false;
  }
  for (const part of result.parts) {
    const row = fieldset.querySelector(
      `.hd-item[data-item="${CSS.escape(part.id)}"], .hd-pair[data-left="${CSS.escape(part.id)}"]`,
    );
    const box = row?.querySelector(".hd-part-feedback");
    if (!box) continue;
    row.dataset.verdict = part.correct ? "correct" : part.answered ? "incorrect" : "unanswered";
    box.innerHTML = part.feedback_html;
    box.hidden = false;
  }
  for (const id of result.correct_options) {
    const option = fieldset.querySelector(`.hd-option[data-option="${CSS.escape(id)}"]`);
    if (option) option.dataset.key = "correct";
  }
  const explanation = fieldset.querySelector(".hd-explanation");
  const verdict = document.createElement("p");
  verdict.append(Object.assign(document.createElement("strong"), { textContent: result.verdict_text }));
  if (result.score_text) verdict.append(result.score_text);
  const more = document.createElement("p");
  more.append(Object.assign(document.createElement("a"), { href: result.link, textContent: text("quiz.live.lesson_link") }));
  explanation.replaceChildren(verdict);
  explanation.insertAdjacentHTML("beforeend", result.feedback_html + result.explanation_html);
  explanation.append(more);
  explanation.hidden = false;
  fieldset.querySelector(".hd-answer").innerHTML = result.answer_html;
}

export function attach(root, api) {
  const bank = JSON.parse(root.querySelector("script.hd-data").textContent);
  const exam = root.dataset.mode === "exam";
  const saved = store(root.dataset.storeKey);
  const form = root.querySelector("form.hd-quiz-form");
  const buttons = {
    submit: form.querySelector(".hd-submit"),
    show: form.querySelector(".hd-show-answers"),
    retry: form.querySelector(".hd-retry-quiz"),
    reset: form.querySelector(".hd-reset"),
  };
  const resultBox = form.querySelector(".hd-result");
  const versionBox = root.querySelector(".hd-version");
  const titleId = root.getAttribute("aria-labelledby");
  let seed = null;
  let submitted = false;
  let answersShown = false;

  // The bank goes to the worker once (quiz.load, which answers with its key); every later call
  // names it by that key. A worker started afresh (Retry) no longer has it: it is sent again.
  let bankKey = null;
  function loadBank() {
    if (!bankKey) {
      const loading = api.call("quiz.load", { bank }).then(({ bank_key: key }) => key);
      bankKey = loading;
      loading.catch(() => {
        if (bankKey === loading) bankKey = null; // a failed load is tried again by the next call
      });
    }
    return bankKey;
  }
  async function call(method, params) {
    try {
      return await api.call(method, { ...params, bank_key: await loadBank() });
    } catch (error) {
      if (error.type !== "UnknownBank") throw error;
      bankKey = null;
      return api.call(method, { ...params, bank_key: await loadBank() });
    }
  }

  function showStoreProblem(problem) {
    if (!problem || root.dataset.storeProblem) return;
    root.dataset.storeProblem = problem;
    const note = document.createElement("p");
    note.className = "hd-store-note";
    note.textContent = text(problem === "full" ? "quiz.live.store_full" : "quiz.live.store_blocked");
    versionBox.after(note);
  }

  function save() {
    showStoreProblem(
      saved.write({ format: STORE_FORMAT, fingerprint: root.dataset.fingerprint, seed, responses: responsesOf(form), submitted }),
    );
  }

  function showVersion() {
    const url = new URL(window.location.href);
    url.searchParams.set(VERSION_PARAM, String(seed));
    url.hash = titleId;
    // The sentence around its link: "... share {link}." with the link in place of {link}.
    const [before, after = ""] = text("quiz.live.version", { seed }).split("{link}");
    versionBox.replaceChildren(
      before,
      Object.assign(document.createElement("a"), { href: url.href, textContent: text("quiz.live.version_link", { seed }) }),
      after,
    );
    versionBox.hidden = false;
    root.dataset.seed = String(seed);
  }

  // A generated question's problem, as the engine writes it: for a known seed ({seed}), or the
  // attempt's ({attempt, turn, avoid}); the answer key below the quiz follows it.
  async function showProblem(fieldset, params) {
    const id = fieldset.dataset.question;
    const problem = await call("quiz.problem", { question: id, language: language(), ...params });
    const box = fieldset.querySelector(".hd-problem");
    box.innerHTML = problem.problem_html;
    box.dataset.seed = String(problem.seed);
    fieldset.querySelector(".hd-hint").textContent = problem.hint;
    const key = root.querySelector(`.hd-key-problem[data-question="${CSS.escape(id)}"]`);
    if (key) {
      key.innerHTML = problem.key_html;
      key.dataset.seed = String(problem.seed);
    }
  }

  async function useSeed(newSeed) {
    seed = newSeed;
    applyOrder(form, await call("quiz.order", { seed }));
    await Promise.all(
      generatedFields(form).map((fieldset) => {
        fieldset.dataset.turn = "0";
        return showProblem(fieldset, { attempt: seed, turn: 0 });
      }),
    );
    showVersion();
  }

  // Saved answers to generated questions bring back the problem they answered.
  async function restoreProblems(responses) {
    await Promise.all(
      generatedFields(form)
        .filter((fieldset) => Number.isInteger(responses[fieldset.dataset.question]?.seed))
        .map((fieldset) => showProblem(fieldset, { seed: responses[fieldset.dataset.question].seed })),
    );
  }

  async function newNumbers(fieldset) {
    const turn = Number(fieldset.dataset.turn ?? 0) + 1;
    fieldset.dataset.turn = String(turn);
    await showProblem(fieldset, { attempt: seed, turn, avoid: problemSeed(fieldset) });
    fieldset.querySelector("input").value = "";
    clearFeedback(fieldset);
    // Said once to a screen reader (the problem itself is not a live region: Python's start would read it out).
    const values = [...fieldset.querySelectorAll(".hd-givens tr")].map((row) =>
      [...row.cells].map((cell) => cell.textContent.trim()).join(" "),
    );
    fieldset.querySelector(".hd-problem-status").textContent = text("quiz.live.new_numbers", { values: values.join("; ") });
    save();
  }

  function setAnswersShown(shown) {
    answersShown = shown;
    root.dataset.answersShown = String(shown);
    buttons.show.textContent = text(shown ? "quiz.live.hide_answers" : "quiz.live.show_answers");
    buttons.show.setAttribute("aria-expanded", String(shown));
    for (const box of form.querySelectorAll(".hd-answer")) box.hidden = !shown || !box.innerHTML;
  }

  // After grading: the result code a student can show their teacher (the answers just graded).
  const codeView = new ResultCodeView(form, call);

  function showResult(result, { focus }) {
    codeView.show(responsesOf(form));
    clearFeedback(form);
    for (const question of result.questions) {
      const fieldset = form.querySelector(`fieldset[data-question="${CSS.escape(question.id)}"]`);
      if (fieldset) showQuestion(fieldset, question);
    }
    resultBox.textContent = exam ? text("quiz.live.exam_locked", { summary: result.summary }) : result.summary;
    buttons.show.hidden = exam;
    buttons.retry.hidden = false;
    if (exam) {
      setLocked(form, true);
      buttons.submit.hidden = true;
      setAnswersShown(true);
    } else {
      setAnswersShown(answersShown);
    }
    root.dataset.graded = "true";
    if (focus) resultBox.focus();
  }

  async function newAttempt(message) {
    codeView.hide();
    clearAnswers(form);
    clearFeedback(form);
    setLocked(form, false);
    submitted = false;
    setAnswersShown(false);
    delete root.dataset.graded;
    buttons.submit.hidden = false;
    buttons.show.hidden = true;
    buttons.retry.hidden = true;
    await useSeed(seedFromUrl() ?? newSeed()); // a shared version link keeps its order
    resultBox.textContent = message;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (submitted && exam) return;
    buttons.submit.disabled = true;
    try {
      const reply = await call("quiz.submit", { responses: responsesOf(form), language: language() });
      if (!reply.accepted) {
        for (const fieldset of questionFields(form)) {
          if (reply.unanswered.includes(fieldset.dataset.question)) fieldset.dataset.verdict = "unanswered";
          else delete fieldset.dataset.verdict;
        }
        resultBox.textContent = reply.message;
      } else {
        submitted = true;
        save();
        showResult(reply.result, { focus: false });
        // The engine's result, for listeners such as the SCORM build's adapter (scorm-page.js).
        root.dispatchEvent(new CustomEvent("hipdrop:quiz-graded", { bubbles: true, detail: { bank: bank.id, result: reply.result } }));
      }
    } catch (error) {
      resultBox.textContent = text("quiz.live.check_failed", { reason: error.message });
    } finally {
      buttons.submit.disabled = false;
      resultBox.focus();
    }
  });

  form.addEventListener("change", (event) => {
    if (exam && submitted) return;
    save();
    // An exam question flagged "not answered" loses the flag once the reader answers it.
    const fieldset = event.target.closest("fieldset[data-question]");
    if (!root.dataset.graded && fieldset?.dataset.verdict === "unanswered") delete fieldset.dataset.verdict;
  });
  form.addEventListener("input", () => {
    if (!(exam && submitted)) save();
  });

  buttons.show.addEventListener("click", () => setAnswersShown(!answersShown));

  for (const fieldset of generatedFields(form)) {
    fieldset.querySelector(".hd-new-numbers").addEventListener("click", async () => {
      try {
        await newNumbers(fieldset);
      } catch (error) {
        resultBox.textContent = text("quiz.live.problem_failed", { reason: error.message });
      }
    });
  }

  buttons.retry.addEventListener("click", async () => {
    await newAttempt(
      seedFromUrl()
        ? text("quiz.live.retry_same_version", { seed: seedFromUrl() })
        : text("quiz.live.retry_new_order"),
    );
    save();
    form.querySelector("fieldset[data-question] input, fieldset[data-question] select")?.focus();
  });

  buttons.reset.addEventListener("click", async () => {
    saved.clear();
    await newAttempt(text("quiz.live.reset_done"));
    resultBox.focus();
  });

  showStoreProblem(saved.probe());
  (async () => {
    try {
      const progress = await call("quiz.restore", {
        stored: saved.read(),
        fingerprint: root.dataset.fingerprint,
      });
      if (progress.reset) {
        saved.clear();
        root.dataset.storeReset = progress.reset;
      }
      await useSeed(seedFromUrl() ?? progress.seed ?? newSeed());
      applyResponses(form, progress.responses);
      await restoreProblems(progress.responses);
      submitted = progress.submitted;
      if (submitted) {
        showResult(await call("quiz.grade", { responses: progress.responses, language: language() }), { focus: false });
      }
      else if (Object.keys(progress.responses).length) save();
      buttons.submit.hidden = exam && submitted;
      buttons.reset.hidden = false;
      for (const button of form.querySelectorAll(".hd-new-numbers")) button.hidden = false;
    } catch (error) {
      resultBox.textContent = text("quiz.live.start_failed", { reason: error.message });
      buttons.submit.hidden = false;
    } finally {
      root.dataset.quizReady = "true";
    }
  })();
}
