// In-page helpers for the accessibility gates (tests/helpers/a11y_audit.py). Injected into the
// page by Playwright next to axe-core; the site itself never loads this file.
(() => {
  const NATIVE = [
    "a[href]", "area[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "iframe", "audio[controls]", "video[controls]", "[contenteditable]:not([contenteditable=false])",
  ].join(",");
  const CONTROLS = `${NATIVE},[tabindex]`;
  // Elements our own code writes: widgets and anything with an hd- class (src/hipdrop_tools/assets/css, the packs' assets/css).
  const OURS = "[data-hipdrop-widget], [data-hipdrop-widget] *, [class^='hd-'], [class*=' hd-']";

  const focused = [];
  document.addEventListener("focusin", (event) => focused.push(event.target), true);

  function describe(el) {
    const id = el.id ? `#${el.id}` : "";
    const cls = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\s+/).slice(0, 2).join(".") : "";
    const text = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
  }

  function shown(el) {
    if (!el.checkVisibility({ checkVisibilityCSS: true })) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  }

  function operable(el) {
    if (el.matches(":disabled") || el.closest("[inert]")) return false;
    // A tabindex that is not a whole number (Material writes tabindex="") makes nothing focusable.
    const tabindex = el.getAttribute("tabindex");
    if (tabindex !== null && /^\s*-?\d+\s*$/.test(tabindex) && parseInt(tabindex, 10) < 0) return false;
    if (!el.matches(NATIVE) && !(tabindex !== null && /^\s*\d+\s*$/.test(tabindex))) return false;
    // A <summary> is only a control as the first summary of its <details>.
    if (el.tagName === "SUMMARY" && el.parentElement?.tagName !== "DETAILS") return false;
    return shown(el);
  }

  // Radio buttons in one group take one Tab stop; arrow keys move inside the group.
  function groupKey(el) {
    if (el.tagName === "INPUT" && el.type === "radio" && el.name) {
      return `radio:${el.form ? [...document.forms].indexOf(el.form) : "-"}:${el.name}`;
    }
    return null;
  }

  function accessibleName(el) {
    return axe.commons.text.accessibleText(el).trim();
  }

  // Colours as [r, g, b, a] (0-255, alpha 0-1) from a computed CSS colour.
  function rgba(text) {
    const m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = "1"] = m[1].split(/[\s,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  }
  function over(top, bottom) {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  }
  function luminance([r, g, b]) {
    const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }
  // The colour behind an element: its own and its ancestors' backgrounds, laid over each other
  // down to the first opaque one (white below the root, as a browser paints it). SVG shapes are
  // not backgrounds; the engine draws its figures on a card whose CSS background is read here.
  function backdrop(el) {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const colour = rgba(getComputedStyle(node).backgroundColor);
      if (colour && colour[3] > 0) layers.push(colour);
      if (colour && colour[3] >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  }

  window.__hdA11y = {
    // A second look at what axe left "incomplete" for colour contrast (it could not see one
    // background: overlapped, or text in an SVG): the text colour against the backgrounds of the
    // element and its ancestors, with WCAG's thresholds (3:1 for large text, else 4.5:1).
    reviewContrast(elements) {
      return elements.map((el) => {
        const selector = el?.tagName?.toLowerCase();
        if (!el || !el.isConnected) return { selector, ok: false, why: "element not in the page" };
        const style = getComputedStyle(el);
        const paint = el instanceof SVGElement ? style.fill : style.color;
        const fg = rgba(paint);
        if (!fg) return { selector, ok: false, why: `text paint ${paint} is not a plain colour` };
        const bg = backdrop(el);
        const colour = over(fg, bg);
        const [hi, lo] = [luminance(colour), luminance(bg)].sort((a, b) => b - a);
        const ratio = (hi + 0.05) / (lo + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const needed = large ? 3 : 4.5;
        return { selector, ok: ratio >= needed, why: `${ratio.toFixed(2)}:1, needs ${needed}:1` };
      });
    },

    controls: () => [...document.querySelectorAll(CONTROLS)].filter(operable),

    resetFocus() {
      document.activeElement?.blur?.();
      window.getSelection()?.removeAllRanges();
      focused.length = 0;
    },

    // True once Tab has come back round to the first element it reached.
    cycled() {
      return focused.length > 1 && focused.indexOf(focused[0], 1) > 0;
    },

    keyboardReport() {
      axe.setup(document);
      try {
        const reached = new Set(focused);
        const groups = new Set([...reached].map(groupKey).filter(Boolean));
        const unreachable = this.controls()
          .filter((el) => !reached.has(el) && !(groupKey(el) && groups.has(groupKey(el))))
          .map(describe);
        // Every control is named, including radio buttons that share one Tab stop.
        const nameless = [...new Set([...reached, ...this.controls()])]
          .filter((el) => el !== document.body && el.isConnected && !accessibleName(el))
          .map(describe);
        return { reached: reached.size, controls: this.controls().length, unreachable, nameless };
      } finally {
        axe.teardown();
      }
    },

    // With prefers-reduced-motion, nothing of ours may animate or transition for longer than 10 ms.
    motionReport() {
      const seconds = (list) => Math.max(0, ...list.split(",").map((t) =>
        t.trim().endsWith("ms") ? parseFloat(t) / 1000 : parseFloat(t) || 0));
      const ours = [...document.querySelectorAll(OURS)];
      const moving = [];
      for (const el of ours) {
        for (const pseudo of [null, "::before", "::after"]) {
          const style = getComputedStyle(el, pseudo);
          const animation = style.animationName !== "none" ? seconds(style.animationDuration) : 0;
          const transition = style.transitionProperty !== "none" ? seconds(style.transitionDuration) : 0;
          if (animation > 0.01 || transition > 0.01) {
            moving.push(`${describe(el)}${pseudo ?? ""}: animation ${animation}s, transition ${transition}s`);
          }
        }
      }
      const running = document.getAnimations()
        .filter((a) => a.playState === "running" && a.effect?.target?.matches?.(OURS))
        .filter((a) => (a.effect.getComputedTiming().duration || 0) > 10)
        .map((a) => `${describe(a.effect.target)}: ${a.constructor.name} ${a.effect.getComputedTiming().duration} ms`);
      return { checked: ours.length, moving, running };
    },

    // Sideways scrolling at the current width, and the content that sticks out.
    overflowReport() {
      const root = document.documentElement;
      const width = root.clientWidth;
      const inScroller = (el) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const x = getComputedStyle(p).overflowX;
          if (x === "auto" || x === "scroll") return true;
        }
        return false;
      };
      const sticking = [...document.querySelectorAll("body *")]
        .filter((el) => shown(el) && el.getBoundingClientRect().right > width + 1 && !inScroller(el))
        .slice(0, 5)
        .map(describe);
      return {
        width,
        scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth),
        sticking,
      };
    },
  };
})();
