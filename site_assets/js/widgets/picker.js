// Program picker widget: sends the form's answers to the engine and shows the program it builds.
// The answers live in the page address (?weak_side=left&...), so a program can be bookmarked,
// projected or shown to a clinician; opening such an address builds the same program again.
// Nothing is sent anywhere: the engine runs in this browser.

function fieldNames(form) {
  return new Set([...form.elements].map((el) => el.name).filter(Boolean));
}

function formFields(form) {
  const fields = {};
  for (const [name, value] of new FormData(form)) {
    if (value === "") continue;
    (fields[name] ??= []).push(String(value));
  }
  return fields;
}

function queryFields(form, search) {
  const names = fieldNames(form);
  const fields = {};
  for (const [name, value] of new URLSearchParams(search)) {
    if (names.has(name)) (fields[name] ??= []).push(value);
  }
  return fields;
}

function fillForm(form, fields) {
  // Not form.reset(): that fires "reset", which means "Start again" and clears the address.
  for (const el of form.elements) {
    if (!el.name) continue;
    const values = fields[el.name] ?? [];
    if (el.type === "checkbox" || el.type === "radio") el.checked = values.includes(el.value);
    else el.value = values.length ? values[values.length - 1] : "";
  }
}

function addressFor(fields) {
  const query = new URLSearchParams();
  for (const [name, values] of Object.entries(fields)) values.forEach((v) => query.append(name, v));
  const text = query.toString();
  return `${location.pathname}${text ? `?${text}` : ""}`;
}

export function attach(root, api) {
  const data = JSON.parse(root.querySelector("script.hd-data").textContent);
  const form = root.querySelector("form.hd-picker-form");
  const output = root.querySelector(".hd-picker-output");
  const submit = form.querySelector('button[type="submit"]');

  async function build(fields) {
    submit.disabled = true;
    output.setAttribute("aria-busy", "true");
    try {
      const result = await api.call("picker.build", {
        catalog: data.catalog,
        form: fields,
        base_url: data.base_url,
        urls: data.urls,
      });
      output.innerHTML = result.html;
      root.dataset.outcome = result.kind;
    } catch (error) {
      output.textContent = `The program could not be built: ${error.message}`;
      root.dataset.outcome = "error";
    } finally {
      submit.disabled = false;
      output.removeAttribute("aria-busy");
    }
    const heading = output.querySelector("h2");
    if (heading) {
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start" });
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const fields = formFields(form);
    history.pushState(null, "", addressFor(fields));
    build(fields);
  });

  form.addEventListener("reset", () => {
    output.replaceChildren();
    delete root.dataset.outcome;
    history.replaceState(null, "", location.pathname);
  });

  // Back and Forward within the picker's addresses. Removed when instant navigation takes the
  // picker off the page (Material's document$ emits for every new page).
  const leave = new AbortController();
  window.addEventListener("popstate", () => {
    const fields = queryFields(form, location.search);
    fillForm(form, fields);
    if (Object.keys(fields).length) build(fields);
    else {
      output.replaceChildren();
      delete root.dataset.outcome;
    }
  }, { signal: leave.signal });
  const pages = window.document$?.subscribe?.(() => {
    if (root.isConnected) return;
    leave.abort();
    pages?.unsubscribe();
  });

  const fromAddress = queryFields(form, location.search);
  if (Object.keys(fromAddress).length) {
    fillForm(form, fromAddress);
    build(fromAddress);
  }
}
