// In-page helpers for the accessibility gates (tests/browser/a11y_audit.py). Injected into the
// page by Playwright next to axe-core; the site itself never loads this file.
(() => {
  const NATIVE = [
    "a[href]", "area[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "iframe", "audio[controls]", "video[controls]", "[contenteditable]:not([contenteditable=false])",
  ].join(",");
  const CONTROLS = `${NATIVE},[tabindex]`;
  // Elements our own code writes: widgets and anything with an hd- class (site_assets/css).
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

  window.__hdA11y = {
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
