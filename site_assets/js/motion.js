// Figures that move (exercise and gait animations). The engine drew every frame at build time (or in
// the lab's worker): each SVG element names the points it joins (data-p, data-c) and the figure's
// data-hd-motion holds every frame's coordinates. This only writes coordinates between two frames,
// on the reader's screen; no Python runs for it. Under reduced motion nothing moves: the CSS shows
// the key frames side by side instead.
//
// Loading a page costs next to nothing: a figure's data is read, and its player made, only when the
// figure comes near the screen or its button is pressed. (No content-visibility on the figures: Chromium
// kept parts out of view in the old palette's colours after a palette switch, see the quiz questions.)

const reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
const players = new WeakMap();
const watched = new WeakSet();

function lerpRow(a, b, t) {
  const out = new Array(a.length);
  for (let i = 0; i < a.length; i += 1) out[i] = a[i] + (b[i] - a[i]) * t;
  return out;
}

export class Player {
  constructor(figure, data) {
    this.figure = figure;
    this.button = figure.querySelector(".hd-motion-toggle");
    this.readout = figure.querySelector(".hd-motion-readout");
    this.visible = false;
    this.userPaused = figure.dataset.autoplay !== "true";
    this.frame = 0;
    this.elapsed = 0;
    this.last = null;
    this.raf = 0;
    this.tween = null;
    this.setData(data);
  }

  // The button: what it says is what it does. Its label follows shouldRun(), not the drawing loop,
  // which also runs while a paused figure glides to the lab's new posture.
  toggle() {
    this.userPaused = this.shouldRun();
    this.update();
  }

  setData(data, svg = null) {
    if (svg) this.figure.querySelector(".hd-motion-stage").innerHTML = svg;
    const stage = this.figure.querySelector(".hd-motion-stage svg");
    const at = new Map(data.names.map((name, i) => [name, i]));
    this.data = data;
    this.total = data.durations.reduce((sum, ms) => sum + ms, 0);
    this.lines = [...stage.querySelectorAll("[data-p]")].map((el) => [el, el.dataset.p.split(" ").map((n) => at.get(n))]);
    this.dots = [...stage.querySelectorAll("[data-c]")].map((el) => [el, at.get(el.dataset.c), el.tagName === "circle" || el.tagName === "ellipse"]);
    if (!this.current) this.current = data.frames[data.still];
  }

  draw(row) {
    this.current = row;
    const xy = (i) => `${row[2 * i]},${row[2 * i + 1]}`;
    for (const [el, ids] of this.lines) {
      if (ids.every((i) => i !== undefined)) el.setAttribute("points", ids.map(xy).join(" "));
    }
    for (const [el, i, circle] of this.dots) {
      if (i === undefined) continue;
      el.setAttribute(circle ? "cx" : "x", row[2 * i]);
      el.setAttribute(circle ? "cy" : "y", row[2 * i + 1]);
    }
  }

  showReadout(index) {
    const lines = this.data.readouts;
    if (this.readout && lines && this.readout.textContent !== lines[index]) this.readout.textContent = lines[index];
  }

  rowAt(ms) {
    const { frames, durations } = this.data;
    let t = ms % this.total;
    let i = 0;
    while (t >= durations[i]) {
      t -= durations[i];
      i += 1;
    }
    const next = (i + 1) % frames.length;
    this.showReadout(t / durations[i] < 0.5 ? i : next);
    return lerpRow(frames[i], frames[next], durations[i] ? t / durations[i] : 0);
  }

  tick(now) {
    // About 30 drawings a second: the engine's frames are 130 ms apart, so this stays smooth.
    if (this.last !== null && now - this.last < 30) {
      this.raf = requestAnimationFrame((time) => this.tick(time));
      return;
    }
    const step = this.last === null ? 0 : Math.min(100, now - this.last);
    this.last = now;
    if (this.tween) {
      const { from, to, start, ms } = this.tween;
      const t = Math.min(1, (now - start) / ms);
      this.draw(lerpRow(from, to, 0.5 - 0.5 * Math.cos(Math.PI * t)));
      if (t >= 1) this.tween = null;
    } else {
      this.elapsed += step;
      this.draw(this.rowAt(this.elapsed));
    }
    this.raf = this.tween || this.shouldRun() ? requestAnimationFrame((time) => this.tick(time)) : 0;
    if (!this.raf) this.last = null;
  }

  shouldRun() {
    return this.visible && !this.userPaused && !reduced.matches;
  }

  // Start or stop the loop to match the reader's choice, the figure's visibility and the media query.
  update() {
    const run = this.shouldRun();
    if (run && !this.raf) this.raf = requestAnimationFrame((time) => this.tick(time));
    if (!run && this.raf && !this.tween) {
      cancelAnimationFrame(this.raf);
      this.raf = 0;
      this.last = null;
    }
    const label = run ? this.button.dataset.pause : this.button.dataset.play;
    if (this.button.textContent !== label) this.button.textContent = label;
    this.figure.dataset.playing = run ? "true" : "false";
  }

  // The lab: new frames for new settings. Paused, the figure moves smoothly to the new still frame.
  replace(data, svg) {
    const from = this.current;
    this.setData(data, svg);
    if (this.shouldRun()) return;
    const to = data.frames[data.still];
    this.showReadout(data.still);
    this.elapsed = data.durations.slice(0, data.still).reduce((sum, ms) => sum + ms, 0);
    if (reduced.matches || !from || from.length !== to.length) {
      this.draw(to);
      return;
    }
    this.draw(from);
    this.tween = { from, to, start: performance.now(), ms: 320 };
    if (!this.raf) this.raf = requestAnimationFrame((time) => this.tick(time));
  }
}

export function playerFor(figure) {
  return players.get(figure) ?? null;
}

// On screen: the figure's player is made (the still frame is already drawn), and moves while it shows.
const observer = "IntersectionObserver" in window
  ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const player = entry.isIntersecting ? attachMotion(entry.target) : players.get(entry.target);
      if (!player) continue;
      player.visible = entry.isIntersecting;
      player.update();
    }
  })
  : null;

// The figure's player, made on first use from the figure's data (null if the data cannot be read).
export function attachMotion(figure) {
  if (players.has(figure)) return players.get(figure);
  let data;
  try {
    data = JSON.parse(figure.dataset.hdMotion);
  } catch {
    return null; // the still frame stays: a figure that cannot move still reads
  }
  const player = new Player(figure, data);
  players.set(figure, player);
  if (!observer) player.visible = true;
  player.update();
  return player;
}

// A figure on the page: its button shows, and works even before the figure has come near the screen.
// Exported for a figure a widget adds later (the guided session's copy of an exercise's figure).
export function watchMotion(figure) {
  if (watched.has(figure)) return;
  watched.add(figure);
  figure.dataset.live = "true";
  figure.dataset.playing ??= "false";
  figure.querySelector(".hd-motion-toggle")?.addEventListener("click", () => {
    const player = attachMotion(figure);
    if (!player) {
      delete figure.dataset.live; // its data cannot be read: the still frame stays, the button goes
      return;
    }
    player.visible = true; // pressed: it is on screen
    player.toggle();
  });
  if (observer) observer.observe(figure);
  else attachMotion(figure);
}

function scan() {
  document.querySelectorAll("figure[data-hd-motion]").forEach(watchMotion);
}

reduced.addEventListener("change", () => {
  document.querySelectorAll("figure[data-hd-motion]").forEach((figure) => players.get(figure)?.update());
});
scan();
window.document$?.subscribe?.(() => scan());
