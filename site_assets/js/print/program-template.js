// The blank program template (`hipdrop handouts`, macros/handouts.py): the picker's page made a
// paper form, ticked by hand, with an empty grid to write the program into. The core's page
// preparation (hipdrop_tools/handouts/js/page.js) calls `prepare` before it makes the page ready
// for paper; picker.css holds the form's print rules (html[data-hd-print="template"]).
//
// Its words come from macros/handouts.py (`args`): the note under the title and the grid's.

function cell(tag, text) {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

function programGrid(grid) {
  const section = document.createElement("section");
  section.className = "hd-template-grid";
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const column of grid.columns) head.append(cell("th", column));
  const body = table.createTBody();
  for (let row = 0; row < grid.rows; row += 1) {
    const tr = body.insertRow();
    for (let column = 0; column < grid.columns.length; column += 1) tr.insertCell();
  }
  section.append(cell("h2", grid.title), cell("p", grid.intro), table);
  return section;
}

export function prepare(main, args) {
  const form = main.querySelector(".hd-picker-form");
  // The page's own paragraphs speak of the live page; on paper, say what the form is for.
  const picker = main.querySelector(".hd-picker");
  for (const p of [...main.children]) {
    if (!picker || p === picker || p.contains(picker)) break;
    if (p.tagName === "P") p.remove();
  }
  const note = cell("p", args.note);
  note.className = "hd-print-from";
  main.querySelector("h1").after(note);
  const grid = programGrid(args.grid);
  if (form) (form.closest(".hd-picker") || form).after(grid);
  else main.append(grid);
}
