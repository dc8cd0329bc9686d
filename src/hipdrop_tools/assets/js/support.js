// What the browser must offer before Python can start: checked on the page before the worker is
// created, so that a browser lacking one of them is told which one, instead of a generic failure.
//
// missingFeatures() -> the names of the missing features, in FEATURES order ([] when all are there).
// unsupportedMessage() -> "" when all are there, else a sentence for the widget's status line.

const FEATURES = [
  // Pyodide is CPython compiled to WebAssembly.
  { name: "WebAssembly", present: () => typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function" },
  // Pyodide passes 64-bit integers between Python and JavaScript as BigInt.
  { name: "BigInt64Array", present: () => typeof BigInt === "function" && typeof BigInt64Array === "function" },
  // The course's Python runs in a worker that is a JavaScript module (worker.js imports Pyodide).
  { name: "module workers", present: moduleWorkers },
];

// A browser that knows module workers reads the `type` option of the Worker constructor. The URL
// is invalid on purpose: the constructor reads its options, then throws, and no worker starts.
function moduleWorkers() {
  if (typeof Worker !== "function") return false;
  let read = false;
  const options = {
    get type() {
      read = true;
      return "module";
    },
  };
  try {
    new Worker("http://[invalid", options).terminate();
  } catch {
    // Expected: the address does not parse.
  }
  return read;
}

export function missingFeatures() {
  return FEATURES.filter((feature) => {
    try {
      return !feature.present();
    } catch {
      return true;
    }
  }).map((feature) => feature.name);
}

export function unsupportedMessage() {
  const missing = missingFeatures();
  if (missing.length === 0) return "";
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
  return `it lacks ${list}, which Python needs; a current Firefox, Safari, Chrome or Edge has ${
    missing.length === 1 ? "it" : "them"
  }`;
}
