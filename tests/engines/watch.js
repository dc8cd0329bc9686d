// Test-only (tests/engines/engine_server.py puts it first in each page for WebKit): records what a reader
// would call broken, since WebKitWebDriver reports no console messages, errors or failed loads.
(function () {
  var problems = (window.__hdProblems = []);
  function text(value) {
    return value && value.message ? value.message : String(value);
  }
  window.addEventListener(
    "error",
    function (event) {
      var el = event.target;
      if (el && el !== window && (el.src || el.href)) problems.push("failed to load: " + (el.src || el.href));
      else problems.push("page error: " + text(event.error || event.message));
    },
    true,
  );
  window.addEventListener("unhandledrejection", function (event) {
    problems.push("unhandled rejection: " + text(event.reason));
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    problems.push("CSP violation: " + event.violatedDirective + " " + event.blockedURI);
  });
  var original = console.error;
  console.error = function () {
    problems.push("console error: " + Array.prototype.map.call(arguments, text).join(" "));
    return original.apply(console, arguments);
  };
})();
