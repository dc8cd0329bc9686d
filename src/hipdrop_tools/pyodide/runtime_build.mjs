// The build's one Node run of the pinned Pyodide (hipdrop_tools.pyodide.runtime_build starts it):
//
//   node runtime_build.mjs <pyodide.mjs URL> <work folder>
//
// The work folder holds pyodide-lock.json (the engine wheel's lock, the wheel beside it),
// request.json and the two Python helpers (stdlib_trim.py, in_pyodide.py). This script boots
// Pyodide with the engine loaded from its lock by loadPyodide's packages option (what the worker's
// own fetch and unpackArchive import, and what Pyodide's loader imports besides: tarfile,
// importlib.metadata, so either way of loading works), imports the worker's entry module, has it
// answer "engine.ping", records sys.modules, then hands over to in_pyodide.main, which trims and
// compiles; the results are written to <work folder>/out.

import fs from "node:fs";
import path from "node:path";

const [pyodideURL, work] = process.argv.slice(2);
const { loadPyodide } = await import(pyodideURL);
const request = JSON.parse(fs.readFileSync(path.join(work, "request.json"), "utf8"));
const lockFileURL = path.join(work, "pyodide-lock.json");
const lock = JSON.parse(fs.readFileSync(lockFileURL, "utf8"));
const packages = Object.keys(lock.packages);

const pyodide = await loadPyodide({ lockFileURL, packages });
const missing = packages.filter((name) => !(name in pyodide.loadedPackages));
if (missing.length) throw new Error(`the engine did not load from its lock: ${missing.join(", ")}`);
const entry = pyodide.pyimport(request.entry);
entry.dispatch("engine.ping", "{}", entry.Session());
const started = pyodide.runPython("import sys; list(sys.modules)").toJs();

// The helpers as a package of their own (in_pyodide imports stdlib_trim relatively).
const helpers = "/tmp/hipdrop-helpers";
pyodide.FS.mkdirTree(`${helpers}/hipdrop_build`);
pyodide.FS.writeFile(`${helpers}/hipdrop_build/__init__.py`, "");
for (const name of ["stdlib_trim.py", "in_pyodide.py"]) {
  pyodide.FS.writeFile(`${helpers}/hipdrop_build/${name}`, fs.readFileSync(path.join(work, name)));
}
const out = "/tmp/hipdrop-out";
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
const stdlibZip = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('.zip'))");
pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(helpers)})`);
const helper = pyodide.pyimport("hipdrop_build.in_pyodide");
const summary = helper.main(
  JSON.stringify({ ...request, out, site_packages: sitePackages, stdlib_zip: stdlibZip }),
  pyodide.toPy(started),
);
fs.mkdirSync(path.join(work, "out"), { recursive: true });
for (const name of pyodide.FS.readdir(out)) {
  if (name === "." || name === "..") continue;
  fs.writeFileSync(path.join(work, "out", name), pyodide.FS.readFile(`${out}/${name}`));
}
console.log(summary);
