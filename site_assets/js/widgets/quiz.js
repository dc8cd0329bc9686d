// Quiz widget: collects the reader's choices, has the engine grade them, shows the feedback.

function responsesOf(form) {
  const responses = {};
  for (const fieldset of form.querySelectorAll("fieldset[data-question]")) {
    responses[fieldset.dataset.question] = [...fieldset.querySelectorAll("input:checked")].map(
      (input) => input.value,
    );
  }
  return responses;
}

function clearFeedback(form) {
  for (const el of form.querySelectorAll(".hd-option-feedback, .hd-explanation")) {
    el.hidden = true;
    el.replaceChildren();
  }
  for (const el of form.querySelectorAll("[data-verdict]")) delete el.dataset.verdict;
}

function showQuestion(fieldset, result) {
  fieldset.dataset.verdict = result.correct ? "correct" : result.answered ? "incorrect" : "unanswered";
  for (const chosen of result.chosen) {
    const option = fieldset.querySelector(`.hd-option[data-option="${CSS.escape(chosen.option)}"]`);
    const box = option?.querySelector(".hd-option-feedback");
    if (!box) continue;
    option.dataset.verdict = chosen.correct ? "correct" : "incorrect";
    box.innerHTML =
      `<strong>${chosen.correct ? "Correct" : "Not correct"}:</strong> ` + chosen.feedback_html;
    box.hidden = false;
  }
  const explanation = fieldset.querySelector(".hd-explanation");
  const verdict = result.correct ? "Right." : result.answered ? "Not quite." : "Not answered.";
  explanation.innerHTML =
    `<p><strong>${verdict}</strong></p>${result.explanation_html}` +
    `<p><a href="${result.link}">Read the lesson section that explains this</a></p>`;
  explanation.hidden = false;
}

export function attach(root, api) {
  const bank = JSON.parse(root.querySelector("script.hd-data").textContent);
  const form = root.querySelector("form.hd-quiz-form");
  const button = form.querySelector('button[type="submit"]');
  const resultBox = form.querySelector(".hd-result");
  button.hidden = false;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const result = await api.call("quiz.grade", { bank, responses: responsesOf(form) });
      clearFeedback(form);
      for (const question of result.questions) {
        const fieldset = form.querySelector(`fieldset[data-question="${CSS.escape(question.id)}"]`);
        if (fieldset) showQuestion(fieldset, question);
      }
      resultBox.textContent = `You scored ${result.score} out of ${result.max_score}.`;
    } catch (error) {
      resultBox.textContent = `Your answers could not be checked: ${error.message}`;
    } finally {
      button.disabled = false;
      resultBox.focus();
    }
  });
}
