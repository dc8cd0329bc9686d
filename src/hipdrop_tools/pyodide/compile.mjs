// Compiles Python to bytecode with the pinned Pyodide's own Python, under Node, at build time
// (hipdrop_tools.pyodide.bytecode runs it): node compile.mjs PYODIDE_MJS IN_ZIP OUT_ZIP MODE.
// The Python side is compile_in_pyodide.py, next to this file.
import fs from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideModule, input, output, mode] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(pyodideModule).href);
const py = await loadPyodide({ packages: [] });
py.FS.writeFile("/tmp/in.zip", new Uint8Array(fs.readFileSync(input)));
py.runPython(fs.readFileSync(new URL("./compile_in_pyodide.py", import.meta.url), "utf8"));
py.globals.get("compile_zip")("/tmp/in.zip", "/tmp/out.zip", mode);
fs.writeFileSync(output, py.FS.readFile("/tmp/out.zip"));
