// Before the browser prints: a link whose text is already its address does not need the address
// printed after it again (print.css adds it to every other external link). Paper only; no state.
function markBareLinks() {
  for (const a of document.querySelectorAll('article a[href^="http://"], article a[href^="https://"]')) {
    const text = a.textContent.trim().replace(/\/$/, "");
    const href = a.getAttribute("href").replace(/\/$/, "");
    if (text === href || text === href.replace(/^https?:\/\//, "")) a.classList.add("hd-bare-url");
  }
}

addEventListener("beforeprint", markBareLinks);
