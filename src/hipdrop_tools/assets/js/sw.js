// The course's service worker: after one visit the pages work offline; once Python has run on this
// device (or the reader asks for it), the widgets too.
//
// The build fills in the values below (hipdrop_tools.offline.service_worker) and places this file at the site
// root, so that its scope is the whole course. VERSION is a hash of the site's files: a changed
// course gives a changed worker, which caches the new files and deletes the old cache. PAGES are
// the course's pages as MkDocs addresses them in this build (lessons/x/ on the web, lessons/x.html
// in the classroom bundle), relative to the site root.
//
// Two sets of files: FILES (the pages and small assets) are precached on the first visit;
// RUNTIME (the Pyodide runtime and the engine wheel, with their sizes) is kept only
//   - as Python downloads it through this worker (nothing is downloaded twice),
//   - when a page says Python has run here ("keep-runtime" from the HTTP cache, after the
//     first start, which may have come before this worker was in control), or
//   - when the reader asks for it ("Keep this course for offline use": "keep-runtime" from the
//     network, with progress).

const VERSION = "__HIPDROP_CACHE_VERSION__";
const FILES = [/* __HIPDROP_PRECACHE_FILES__ */];
const RUNTIME = [/* __HIPDROP_RUNTIME_FILES__ */]; // [file, bytes]
const PAGES = [/* __HIPDROP_PAGES__ */];

const PREFIX = "hipdrop-";
const CACHE = `${PREFIX}${VERSION}`;
const SCOPE = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Each file fetched fresh for this version: the version in the query (which static servers
      // ignore) keeps the browser's HTTP cache from answering with an older copy. Stored under
      // its plain address.
      await Promise.all(
        FILES.map(async (file) => {
          const url = new URL(file, SCOPE);
          const response = await fetch(`${url.href}?hipdrop-version=${VERSION}`, { cache: "no-store" });
          if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
          await cache.put(url, response);
        }),
      );
      // A runtime an older version kept stays kept: its files never change under the same
      // address (pinned Pyodide; the wheel's folder is named by its hash), so they are copied.
      await Promise.all(
        RUNTIME.map(async ([file]) => {
          const url = new URL(file, SCOPE);
          const kept = await caches.match(url);
          if (kept) await cache.put(url, kept);
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

// The runtime's files not kept yet, as [file, bytes].
async function runtimeMissing(cache) {
  const missing = [];
  for (const entry of RUNTIME) {
    if (!(await cache.match(new URL(entry[0], SCOPE)))) missing.push(entry);
  }
  return missing;
}

const bytesOf = (entries) => entries.reduce((sum, [, bytes]) => sum + bytes, 0);

// Read a response to the end, counting its bytes, and give back an equal response to store.
async function readCounting(response, onBytes) {
  const reader = response.body.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  return new Response(new Blob(chunks), { status: response.status, statusText: response.statusText, headers: response.headers });
}

// Keep the runtime: from the HTTP cache ("http-cache": Python has just downloaded it) or from
// the network ("network": the reader asked). Tells the asking page how far it is.
async function keepRuntime(source, client) {
  const cache = await caches.open(CACHE);
  const missing = await runtimeMissing(cache);
  const total = bytesOf(missing);
  const tell = (message) => client?.postMessage({ type: "hipdrop:runtime", total, ...message });
  let loaded = 0;
  let lastTold = 0;
  try {
    for (const [file] of missing) {
      const url = new URL(file, SCOPE);
      const response = await fetch(url, { cache: source === "http-cache" ? "force-cache" : "default" });
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      const copy = await readCounting(response, (bytes) => {
        loaded += bytes;
        if (loaded - lastTold > 256 * 1024) {
          lastTold = loaded;
          tell({ state: "downloading", loaded });
        }
      });
      await cache.put(url, copy);
    }
    tell({ state: "kept", loaded: total, files: missing.length });
  } catch (error) {
    tell({ state: "failed", loaded, message: error.message });
  }
}

async function runtimeStatus(client) {
  const missing = await runtimeMissing(await caches.open(CACHE));
  client?.postMessage({ type: "hipdrop:runtime", state: missing.length ? "missing" : "kept", total: bytesOf(missing) });
}

self.addEventListener("message", (event) => {
  const { type, source } = event.data ?? {};
  if (type === "hipdrop:keep-runtime") event.waitUntil(keepRuntime(source, event.source));
  else if (type === "hipdrop:runtime-status") event.waitUntil(runtimeStatus(event.source));
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

async function respond(event) {
  const { request } = event;
  const cache = await caches.open(CACHE);
  // The query only carries page state (the presentation slide, a widget's answers), never a
  // different file.
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  // Kept once fetched, for the next time offline: the runtime as Python downloads it (Python
  // runs on this device, so the widgets should work offline too) and files made after the site
  // (the handout PDFs). Stored beside the answer, which is not held back until it is.
  const response = await fetch(request);
  if (response.ok && response.type === "basic" && request.headers.get("range") === null) {
    event.waitUntil(cache.put(request, response.clone()).catch(() => {}));
  }
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
  event.respondWith(respond(event));
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
