// The course's service worker: after one visit the whole course, Python included, works offline.
//
// The build fills in the values below (hipdrop_tools.offline) and places this file at the site
// root, so that its scope is the whole course. VERSION is a hash of the site's files: a changed
// course gives a changed worker, which caches the new files and deletes the old cache. PAGES are
// the course's pages as MkDocs addresses them in this build (lessons/x/ on the web, lessons/x.html
// in the classroom bundle), relative to the site root.

const VERSION = "__HIPDROP_CACHE_VERSION__";
const FILES = [/* __HIPDROP_PRECACHE_FILES__ */];
const PAGES = [/* __HIPDROP_PAGES__ */];

const PREFIX = "hipdrop-";
const IMMUTABLE = ["assets/pyodide/", "assets/hipdrop/engine/"];
const CACHE = `${PREFIX}${VERSION}`;
const SCOPE = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Each file fetched fresh for this version: the version in the query (which static servers
      // ignore) keeps the browser's HTTP cache from answering with an older copy. Stored under
      // its plain address. The Pyodide runtime and the engine wheel never change under the same
      // address (pinned version; wheel folder named by its hash), so the copy the page's Python
      // just downloaded is taken from the HTTP cache instead of being downloaded a second time.
      await Promise.all(
        FILES.map(async (file) => {
          const url = new URL(file, SCOPE);
          const response = IMMUTABLE.some((prefix) => file.startsWith(prefix))
            ? await fetch(url.href)
            : await fetch(`${url.href}?hipdrop-version=${VERSION}`, { cache: "no-store" });
          if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
          await cache.put(url, response);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// Material's instant navigation (pages change without a reload, so Python keeps running) only
// follows links listed in sitemap.xml, matched by protocol, host and port. MkDocs writes no
// entries without a site_url, and the public address is not the launcher's localhost anyway:
// answer with the course's pages at the address it is actually served from.
function localSitemap() {
  const entries = PAGES.map((page) => `<url><loc>${new URL(page, SCOPE).href}</loc></url>`).join("");
  const xml = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</urlset>`;
  return new Response(xml, { headers: { "Content-Type": "application/xml" } });
}

async function respond(request) {
  const cache = await caches.open(CACHE);
  // The query only carries page state (the presentation slide, a widget's answers), never a
  // different file.
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  // Files made after the site (the handout PDFs) are kept once fetched, for the next time offline.
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin) return;
  if (url.pathname === new URL("sitemap.xml", SCOPE).pathname) {
    event.respondWith(localSitemap());
    return;
  }
  event.respondWith(respond(request));
});

// A page this worker answers asks, once it has loaded, whether the server still has the worker
// (offline.js). A 404 for sw.js means it no longer does (`mkdocs serve` took over the port of a
// built course, or the course was taken down): the copy is out of date, so the worker deletes it
// and unregisters, and the page loads again from the server. Offline (the request fails) the copy
// is what the reader needs and stays.
async function goneFromServer() {
  try {
    const response = await fetch(self.location.href, { method: "HEAD", cache: "no-store" });
    return response.status === 404;
  } catch {
    return false;
  }
}

async function removeCopy() {
  for (const name of await caches.keys()) if (name.startsWith(PREFIX)) await caches.delete(name);
  await self.registration.unregister();
}

self.addEventListener("message", (event) => {
  if (event.data !== "hipdrop:still-served?") return;
  event.waitUntil(
    (async () => {
      const gone = await goneFromServer();
      if (gone) await removeCopy();
      event.source?.postMessage({ hipdrop: "still-served", served: !gone });
    })(),
  );
});
