// Before the browser prints. print.css writes the address after each external link; this says
// which links need it: not a link to this site (instant navigation makes those absolute too), not
// a link whose text is already its address. Paper only; nothing else on the page changes.
function markLinksForPaper() {
  for (const a of document.querySelectorAll('article a[href^="http://"], article a[href^="https://"]')) {
    if (a.origin === location.origin) {
      a.classList.add("hd-internal");
      continue;
    }
    const text = a.textContent.trim().replace(/\/$/, "");
    const href = a.getAttribute("href").replace(/\/$/, "");
    if (text === href || text === href.replace(/^https?:\/\//, "")) a.classList.add("hd-bare-url");
  }
}

addEventListener("beforeprint", markLinksForPaper);
