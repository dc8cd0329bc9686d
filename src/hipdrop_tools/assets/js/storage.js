// A place in this browser for a widget to keep a reader's data between visits (localStorage),
// for any course's widget: `import { localStore } from "../storage.js"`.
//
// Storage can be missing, refused (site data blocked: reading localStorage throws) or full
// (setItem throws QuotaExceededError). Nothing here throws: read() gives the text or null, and
// write() and clear() give null when they worked, else "full" or "blocked", so that the widget can
// tell the reader that their data was not kept, and keep it in memory meanwhile. Nothing is lost
// silently: a write that fails leaves the text kept before it as it was.

function problem(error) {
  return error?.name === "QuotaExceededError" || error?.code === 22 ? "full" : "blocked";
}

// The key of a course's data: the site's root path (so two courses on one host never mix) and a name.
export function siteKey(rootUrl, name) {
  return `${new URL(rootUrl, location.href).pathname}${name}`;
}

export function localStore(key) {
  return {
    read() {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write(text) {
      try {
        window.localStorage.setItem(key, text);
        return null;
      } catch (error) {
        return problem(error);
      }
    },
    clear() {
      try {
        window.localStorage.removeItem(key);
        return null;
      } catch (error) {
        return problem(error);
      }
    },
  };
}
