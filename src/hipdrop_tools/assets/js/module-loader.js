// Classroom bundle only (the offline build): the course's module scripts are written as
// <script type="hipdrop/module" data-src="..."> (hipdrop_tools.offline.file_pages), because browsers
// refuse module scripts from file:// and would log an error for each. Served over http (the
// launcher), this classic script starts them as real modules.
(function () {
  if (location.protocol === "file:") return;
  var pending = document.querySelectorAll('script[type="hipdrop/module"]');
  for (var i = 0; i < pending.length; i++) {
    var script = document.createElement("script");
    script.type = "module";
    script.src = pending[i].getAttribute("data-src");
    pending[i].replaceWith(script);
  }
})();
