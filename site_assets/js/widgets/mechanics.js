// Mechanics lab widget: sends the settings to the engine and swaps in the figure, numbers, chart
// and description that Python returns. No mechanics here: JavaScript only moves values and HTML.
// The walking figure gets the engine's frames for the new settings: paused, it glides to the new
// posture (motion.js blends the two postures the engine drew); playing, it walks on with them.

import { attachMotion } from "../motion.js";

function valueOf(input) {
  const text = input.value.trim();
  return text === "" ? null : Number(text);
}

export function attach(root, api) {
  const form = root.querySelector("form.hd-mech-form");
  const controls = form.querySelector("fieldset.hd-mech-controls");
  const errorBox = root.querySelector(".hd-mech-error");
  const figure = root.querySelector(".hd-mech-figure-svg");
  const chart = root.querySelector(".hd-mech-chart-svg");
  const numbers = root.querySelector(".hd-mech-numbers");
  const description = root.querySelector(".hd-mech-description");
  const walk = root.querySelector("figure.hd-motion");
  const presetButtons = [...root.querySelectorAll("button[data-preset]")];
  const fields = [...root.querySelectorAll(".hd-mech-field")];
  let latest = 0;

  function pair(field) {
    return {
      range: field.querySelector('input[type="range"]'),
      number: field.querySelector('input[type="number"]'),
    };
  }

  function settings() {
    const params = {};
    for (const field of fields) params[field.dataset.field] = valueOf(pair(field).number);
    params.cane_hand = form.querySelector('input[name="cane_hand"]:checked')?.value ?? null;
    return params;
  }

  function showProblems(lab) {
    const bad = new Set(lab.problems.map((problem) => problem.field));
    for (const field of fields) {
      const invalid = bad.has(field.dataset.field);
      field.dataset.invalid = invalid ? "true" : "false";
      pair(field).number.setAttribute("aria-invalid", invalid ? "true" : "false");
    }
    errorBox.replaceChildren();
    const list = document.createElement("ul");
    for (const problem of lab.problems) {
      const item = document.createElement("li");
      item.textContent = problem.message;
      list.append(item);
    }
    errorBox.append("These settings cannot be used; the figure shows the last good ones:", list);
    errorBox.hidden = false;
  }

  function show(lab) {
    if (!lab.valid) {
      showProblems(lab);
      return;
    }
    errorBox.hidden = true;
    errorBox.replaceChildren();
    for (const field of fields) {
      field.dataset.invalid = "false";
      pair(field).number.setAttribute("aria-invalid", "false");
    }
    figure.innerHTML = lab.figure_svg;
    chart.innerHTML = lab.chart_svg;
    numbers.innerHTML = lab.results_html;
    description.textContent = lab.description;
    root.dataset.pelvis = lab.result.holds_level ? "level" : "drops";
    if (walk && lab.walk) {
      attachMotion(walk)?.replace(lab.walk.data, lab.walk.svg);
      walk.querySelector(".hd-motion-strip").innerHTML = lab.walk.strip_html;
      walk.querySelector("figcaption").textContent = lab.walk.description;
    }
  }

  function setControls(inputs) {
    for (const field of fields) {
      const { range, number } = pair(field);
      range.value = inputs[field.dataset.field];
      number.value = inputs[field.dataset.field];
    }
    const hand = form.querySelector(`input[name="cane_hand"][value="${CSS.escape(inputs.cane_hand)}"]`);
    if (hand) hand.checked = true;
  }

  async function update(params, { fromPreset = null } = {}) {
    const ticket = ++latest;
    try {
      const lab = await api.call("mechanics.solve", params);
      if (ticket !== latest) return; // a newer change is on its way
      if (lab.valid && fromPreset) setControls(lab.inputs);
      show(lab);
      for (const button of presetButtons) {
        button.setAttribute("aria-pressed", button.dataset.preset === fromPreset ? "true" : "false");
      }
    } catch (error) {
      if (ticket !== latest) return;
      errorBox.textContent = `The lab could not compute this: ${error.message}`;
      errorBox.hidden = false;
    }
  }

  for (const field of fields) {
    const { range, number } = pair(field);
    range.addEventListener("input", () => {
      number.value = range.value;
      update(settings());
    });
    number.addEventListener("input", () => {
      if (number.value.trim() !== "" && Number.isFinite(Number(number.value))) range.value = number.value;
      update(settings());
    });
  }
  for (const radio of form.querySelectorAll('input[name="cane_hand"]')) {
    radio.addEventListener("change", () => update(settings()));
  }
  for (const button of presetButtons) {
    button.addEventListener("click", () => update({ preset: button.dataset.preset }, { fromPreset: button.dataset.preset }));
  }
  form.addEventListener("submit", (event) => event.preventDefault());

  controls.disabled = false;
  root.dataset.live = "true";
}
