// The course's service worker: a reader pays only for what they read. After one visit the pages
// the reader opened work offline; the whole course when the reader asks for it; the widgets once
// Python has run on this device, or when asked.
//
// The build fills in the values below (hipdrop_tools.offline.service_worker) and places this file at the site
// root, so that its scope is the whole course. VERSION is a hash of the site's files: a changed
// course gives a changed worker, which caches the new files and deletes the old cache. PAGES are
// the course's pages as MkDocs addresses them in this build (lessons/x/ on the web, lessons/x.html
// in the classroom bundle), relative to the site root.
//
// Three sets of files:
//   - FILES, the shell (what every page loads: stylesheets, scripts, icons, the search index),
//     kept when the worker installs, with the pages the reader has open and what they loaded
//     ("hipdrop:keep-opened" from offline.js). Each is asked of the server with cache: "no-cache":
//     a file the page has just loaded costs a revalidation (304), never a second download.
//   - COURSE, the rest of the offline copy ([file, bytes]: the other pages and their pictures),
//     saved only when the reader asks ("Save this course for offline use") or on a later visit
//     over a connection the browser says is not metered, Save-Data off (offline.js decides).
//   - RUNTIME, Python ([file, bytes]: Pyodide, the engine wheel, the worker and the widgets'
//     scripts), kept as Python downloads it through this worker, from the HTTP cache once Python
//     has run here, or from the network when the reader asks.
// Every page or file fetched through the worker is kept too, for the next time offline.

const VERSION = "__HIPDROP_CACHE_VERSION__";
const FILES = [/* __HIPDROP_PRECACHE_FILES__ */];
const COURSE = [/* __HIPDROP_COURSE_FILES__ */]; // [file, bytes]
const RUNTIME = [/* __HIPDROP_RUNTIME_FILES__ */]; // [file, bytes]
const PAGES = [/* __HIPDROP_PAGES__ */];

const PREFIX = "hipdrop-";
const CACHE = `${PREFIX}${VERSION}`;
const SCOPE = new URL(self.registration.scope);
// Kept in the cache once the reader has saved the whole course: a new version saves it again.
const SAVED_MARK = new URL("__hipdrop-course-saved__", SCOPE).href;

const address = (file) => new URL(file, SCOPE).href;
const COURSE_URLS = new Set(COURSE.map(([file]) => address(file)));
const RUNTIME_URLS = new Set(RUNTIME.map(([file]) => address(file)));

// A folder's page is also asked for as folder/index.html (and the other way round): one copy.
function alias(href) {
  const url = new URL(href);
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/")) return `${url.href}index.html`;
  if (url.pathname.endsWith("/index.html")) return url.href.slice(0, -"index.html".length);
  return null;
}

const MATCH = { ignoreSearch: true, ignoreVary: true };

async function cached(cache, href) {
  const found = await cache.match(href, MATCH);
  if (found) return found;
  const other = alias(href);
  return other ? cache.match(other, MATCH) : undefined;
}

// Fetch one file and keep it. "no-cache": asked of the server, which answers 304 when the
// browser's copy is current; "force-cache": the copy the page has just loaded, if there is one.
async function keep(cache, href, mode, onBytes) {
  const response = await fetch(href, { cache: mode });
  if (!response.ok) throw new Error(`${new URL(href).pathname}: HTTP ${response.status}`);
  await cache.put(href, onBytes ? await readCounting(response, onBytes) : response);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(FILES.map((file) => keep(cache, address(file), "no-cache")));
      // What an older version kept stays kept: the runtime is copied (its files never change
      // under the same address: pinned Pyodide, the wheel's folder named by its hash), the
      // course's pages are asked for again (a revalidation each: only the changed ones come).
      const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      const again = new Set();
      let saved = false;
      for (const name of older) {
        const old = await caches.open(name);
        for (const request of await old.keys()) {
          if (request.url === SAVED_MARK) saved = true;
          else if (RUNTIME_URLS.has(request.url)) await cache.put(request.url, await old.match(request));
          else if (COURSE_URLS.has(request.url) || COURSE_URLS.has(alias(request.url))) again.add(request.url);
        }
      }
      if (saved) {
        COURSE.forEach(([file]) => again.add(address(file)));
        await cache.put(SAVED_MARK, new Response("saved"));
      }
      await Promise.all([...again].map((href) => keep(cache, href, "no-cache").catch(() => {})));
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

// The entries of a list not kept yet, as [address, bytes].
async function missing(cache, entries) {
  const found = [];
  for (const [file, bytes] of entries) {
    const href = address(file);
    if (!(await cached(cache, href))) found.push([href, bytes]);
  }
  return found;
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

// What the offline copy still lacks, in bytes: the rest of the course and the runtime.
async function lacking(cache) {
  return { course: bytesOf(await missing(cache, COURSE)), runtime: bytesOf(await missing(cache, RUNTIME)) };
}

// Keep part of the offline copy and tell the asking page how far it is:
//   parts "runtime" from the HTTP cache (Python has just downloaded it), or
//   parts "course" and/or "runtime" from the network (the reader asked, or a later visit on an
//   unmetered connection saves the pages).
async function save(parts, source, client) {
  const cache = await caches.open(CACHE);
  const wanted = [...(parts.includes("course") ? COURSE : []), ...(parts.includes("runtime") ? RUNTIME : [])];
  const todo = await missing(cache, wanted);
  const total = bytesOf(todo);
  const tell = async (message) => client?.postMessage({ type: "hipdrop:offline", total, missing: await lacking(cache), ...message });
  let loaded = 0;
  let lastTold = 0;
  const onBytes = (bytes) => {
    loaded += bytes;
    if (loaded - lastTold > 256 * 1024) {
      lastTold = loaded;
      client?.postMessage({ type: "hipdrop:offline", state: "downloading", loaded, total });
    }
  };
  try {
    // A few at a time: the pages are many and small, the runtime's files few and large.
    const queue = [...todo];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await keep(cache, next[0], source === "http-cache" ? "force-cache" : "no-cache", onBytes);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    if (parts.includes("course")) await cache.put(SAVED_MARK, new Response("saved"));
    await tell({ state: "kept", loaded: total });
  } catch (error) {
    await tell({ state: "failed", loaded, message: error.message });
  }
}

// The pages the reader has open and what they loaded (taken from the HTTP cache: nothing is
// downloaded twice). Python's runtime is not among them: it is kept by "keep-runtime" only.
async function keepOpened(urls) {
  const cache = await caches.open(CACHE);
  for (const href of urls) {
    let url;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    url.hash = "";
    url.search = ""; // page state only (a widget's answers, the slide), never another file
    if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname) || url.pathname === new URL(self.location.href).pathname) continue;
    const plain = url.href;
    if (RUNTIME_URLS.has(plain) || (await cached(cache, plain))) continue;
    await keep(cache, plain, "force-cache").catch(() => {});
  }
}

self.addEventListener("message", (event) => {
  const { type, source, parts, urls } = event.data ?? {};
  if (type === "hipdrop:keep-runtime") event.waitUntil(save(["runtime"], source, event.source));
  else if (type === "hipdrop:save-course") event.waitUntil(save(parts ?? ["course", "runtime"], source, event.source));
  else if (type === "hipdrop:keep-opened") event.waitUntil(keepOpened(urls ?? []));
  else if (type === "hipdrop:offline-status") {
    event.waitUntil(
      (async () => event.source?.postMessage({ type: "hipdrop:offline", state: "status", missing: await lacking(await caches.open(CACHE)) }))(),
    );
  }
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
  const found = await cached(cache, request.url);
  if (found) return found;
  // Kept once fetched, for the next time offline: pages opened, the runtime as Python downloads
  // it (Python runs on this device, so the widgets should work offline too) and files made after
  // the site (the handout PDFs). Stored beside the answer, which is not held back until it is.
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    // The browser gave the request up (Firefox's prefetch of the next page, cut off by a
    // navigation): there is no one to answer.
    if (request.signal?.aborted) return Response.error();
    throw error;
  }
  if (response.ok && response.type === "basic" && request.headers.get("range") === null) {
    const url = new URL(request.url);
    url.search = "";
    event.waitUntil(cache.put(url.href, response.clone()).catch(() => {}));
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
