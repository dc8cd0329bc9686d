// The words the scripts show, in the site's language: the build writes the core's catalog into
// every page as <script type="application/json" id="hipdrop-messages"> (hipdrop_tools.build.messages_html),
// {"language": "en", "messages": {key: text}}. No script writes a reader-visible word of its own.
//
// text(key, values) -> the text with each {name} replaced by values[name].
// language() -> the catalog's language code, which the engine's calls pass on (quiz.js).
// format(template, values) works on any text (worker.js has no page and gets its texts by message).

const SCRIPT_ID = "hipdrop-messages";
const PLACEHOLDER = /\{([a-z_]+)\}/g;

let catalog = null;

function load() {
  if (catalog) return catalog;
  try {
    catalog = JSON.parse(document.getElementById(SCRIPT_ID)?.textContent ?? "{}");
  } catch {
    catalog = {};
  }
  return catalog;
}

export function format(template, values = {}) {
  return String(template).replace(PLACEHOLDER, (whole, name) => (name in values ? String(values[name]) : whole));
}

// The whole table (for the worker, which cannot read the page).
export function allMessages() {
  return load().messages ?? {};
}

export function text(key, values = {}) {
  return format(allMessages()[key] ?? key, values);
}

export function language() {
  return load().language ?? "en";
}
