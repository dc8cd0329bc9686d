"""Init scripts that make the browser refuse storage, as a reader's settings can: with site data
blocked every read of localStorage or sessionStorage throws (Chromium's SecurityError), with the
storage full every setItem throws QuotaExceededError. Playwright runs them before the page's own
scripts, Material's inline helpers included."""

BLOCKED = """
(() => {
  for (const name of ["localStorage", "sessionStorage"]) {
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        throw new DOMException(
          `Failed to read the '${name}' property from 'Window': Access is denied for this document.`,
          "SecurityError",
        );
      },
    });
  }
})();
"""

FULL = """
(() => {
  Storage.prototype.setItem = function () {
    throw new DOMException("Setting the value exceeded the quota.", "QuotaExceededError");
  };
})();
"""
