/* Seloste widget loader. `cargo xtask build` puts wasm-bindgen's `--target no-modules` glue where
 * the GLUE marker is and the widget's stylesheet where the CSS marker is, and writes the result to
 * widget/dist/seloste.js.
 *
 * Embedding, either way:
 *   <script src="https://EDGE/widget/seloste.js" data-notice="ORG/NOTICE" async></script>
 *   <script src="https://EDGE/widget/seloste.js" async></script> … <seloste-notice notice="ORG/NOTICE">
 *
 * Why it is shaped like this:
 * - Fast as plain HTML: for the notice view the loader fetches the notice the edge already rendered
 *   (`…/fragment`: the same Yew app, the same props) and shows it in the shadow root at once.
 *   The wasm is fetched only when the page is idle or the reader first touches the notice; the app
 *   then renders the same markup from the fragment's data and takes the shown markup's place (a
 *   click made meanwhile is replayed, focus kept). Without the fragment (the change-log view, an
 *   error) the wasm renders from the JSON API as before.
 * - Markup is taken only from the edge origin this script came from (`new URL(script.src)`).
 * - Single-page apps: `<seloste-notice>` is a custom element whose `notice`, `lang`, `version` and
 *   `view` attributes are observed. Work happens in a microtask after the element is connected or
 *   disconnected, so a move (removed and inserted in one task, as frameworks do) changes nothing,
 *   and a removal tears everything down (the wasm app, its listeners, pending fetches).
 *   `Seloste.mount(container, options)` / `Seloste.unmount(container)` do the same from code.
 * - One IIFE: the glue's `wasm_bindgen` stays local. The only global is `window.Seloste`, so that
 *   several tags on one page share one wasm instance, loaded at most once.
 * - `document.currentScript` is read at once: it is only set while this script first runs.
 * - Nothing is ever logged and nothing thrown escapes: a widget must not disturb its host page.
 */
(function () {
  "use strict";
  var script = document.currentScript ||
    document.querySelector('script[src*="/widget/seloste.js"]');
  var existing = window.Seloste;
  if (existing && typeof existing.mount === "function") {
    if (script && script.hasAttribute("data-notice")) existing.mount(script);
    return;
  }
  if (!script || !window.customElements || !window.WeakMap) return;
  var base = script.src;
  var origin = new URL(base).origin;

  /*@@GLUE@@*/

  var CSS = /*@@CSS@@*/"";
  var ATTRS = ["notice", "lang", "version", "view"];
  var TIMEOUT_MS = 10000;

  var states = new WeakMap();   // element → its state
  var mounted = new WeakMap();  // container given to Seloste.mount → the element put there
  var seen = new WeakSet();     // <script data-notice> tags already handled
  var wasm = null;              // the one instantiation of the wasm, shared by every element
  var sheet = null;             // the one constructed stylesheet, adopted by every shadow root
  var dirty = new Set();

  function loadWasm() {
    if (!wasm) {
      wasm = wasm_bindgen({ module_or_path: new URL("seloste_bg.wasm", base) })
        .then(function () { return wasm_bindgen; });
    }
    return wasm;
  }

  function timeout() {
    return AbortSignal.timeout ? AbortSignal.timeout(TIMEOUT_MS) : undefined;
  }

  /* What the element asks for; the language defaults to the page's. */
  function configOf(el) {
    var get = function (n) { return (el.getAttribute(n) || "").trim(); };
    var version = get("version");
    return {
      id: /^[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/.test(get("notice")) ? get("notice") : "",
      lang: get("lang") || (document.documentElement.getAttribute("lang") || "").trim(),
      version: /^[1-9][0-9]{0,8}$/.test(version) ? Number(version) : undefined,
      history: get("view") === "history"
    };
  }

  /* Runs once per element per task: after it was connected, disconnected or changed. */
  function later(el) {
    if (dirty.size === 0) {
      queueMicrotask(function () {
        var all = Array.from(dirty);
        dirty.clear();
        all.forEach(reconcile);
      });
    }
    dirty.add(el);
  }

  function reconcile(el) {
    var st = states.get(el);
    if (!st) {
      st = { key: null, gen: 0, root: null, handle: 0, off: null, live: false };
      states.set(el, st);
    }
    if (!el.isConnected) return teardown(st);
    var cfg = configOf(el);
    var key = JSON.stringify(cfg);
    if (key === st.key) return; // moved, or nothing that matters changed
    teardown(st);
    st.key = key;
    show(el, st, cfg);
  }

  /* Everything an element started goes: the wasm app, the listeners, the markup; fetches still
   * under way are ignored when they end (the generation moved on). */
  function teardown(st) {
    st.gen++;
    st.key = null;
    st.live = false;
    if (st.off) st.off.abort();
    st.off = null;
    if (st.handle) {
      try { wasm_bindgen.stop(st.handle); } catch (e) { /* already gone */ }
      st.handle = 0;
    }
    if (st.root) st.root.remove();
    st.root = null;
  }

  function show(el, st, cfg) {
    var gen = st.gen;
    var shadow = el.shadowRoot || el.attachShadow({ mode: "open" });
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      shadow.adoptedStyleSheets = [sheet];
    } catch (e) { /* unstyled is still readable */ }
    var root = document.createElement("div");
    shadow.replaceChildren(root);
    st.root = root;
    if (!cfg.id) return fallback(el, cfg);
    if (cfg.history) return run(el, st, cfg, gen, undefined);
    var url = origin + "/api/v1/notices/" + cfg.id + "/fragment?lang=" +
      encodeURIComponent(cfg.lang) + (cfg.version ? "&version=" + cfg.version : "");
    fetch(url, { credentials: "omit", signal: timeout() })
      .then(function (r) {
        if (!r.ok) throw new Error(String(r.status));
        return r.json();
      })
      .then(function (f) {
        if (st.gen !== gen) return;
        root.innerHTML = f.html; // the edge's own rendering, escaped by Yew on the server
        arm(el, st, cfg, gen, f.version);
      })
      .catch(function () {
        if (st.gen === gen) run(el, st, cfg, gen, undefined);
      });
  }

  /* Takes over when the page is idle or on the reader's first touch, whichever comes first. */
  function arm(el, st, cfg, gen, version) {
    var off = st.off = new AbortController();
    var clicked = null;
    var go = function (e) {
      if (e && e.type === "click") {
        var t = e.composedPath()[0];
        clicked = (t && t.closest && t.closest("button")) || clicked;
      }
      if (st.armed === gen) return;
      st.armed = gen;
      run(el, st, cfg, gen, version, function () { return clicked; });
    };
    ["pointerover", "pointerdown", "focusin", "click"].forEach(function (type) {
      st.root.addEventListener(type, go, { signal: off.signal });
    });
    var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 50); };
    idle(function () { if (st.gen === gen) go(); }, { timeout: 2000 });
  }

  /* Starts the wasm app for the element. With the fragment's `version`, the app renders the same
   * markup into a new root off-page, which then replaces the shown one in one step (focus and a
   * click made meanwhile carried over); without it, the app renders into the shown root and
   * fetches what it needs. */
  function run(el, st, cfg, gen, version, clicked) {
    loadWasm().then(function (w) {
      if (st.gen !== gen) return;
      if (st.off) st.off.abort();
      st.off = null;
      var shown = st.root;
      var root = version === undefined ? shown : document.createElement("div");
      try {
        st.handle = w.start(root, origin, cfg.id, cfg.lang, cfg.version, cfg.history, version);
      } catch (e) {
        if (version === undefined) fallback(el, cfg);
        else linksInstead(shown, cfg);
        return;
      }
      if (root === shown) {
        st.live = true;
        return;
      }
      setTimeout(function () { // Yew renders in a microtask: it is done by now
        if (st.gen !== gen) return;
        st.live = true;
        var active = el.shadowRoot.activeElement;
        var focus = active && shown.contains(active) ? at(root, pathOf(shown, active)) : null;
        var click = clicked() ? at(root, pathOf(shown, clicked())) : null;
        shown.replaceWith(root);
        st.root = root;
        if (focus && focus.focus) focus.focus();
        if (click && click.click) click.click();
      }, 0);
    }, function () {
      if (st.gen !== gen) return;
      if (version === undefined) fallback(el, cfg);
      else linksInstead(st.root, cfg);
    });
  }

  /* Where `node` is under `root`, as child indices; and the node at such a path. */
  function pathOf(root, node) {
    var path = [];
    for (; node && node !== root; node = node.parentNode) {
      path.unshift(Array.prototype.indexOf.call(node.parentNode.childNodes, node));
    }
    return node === root ? path : null;
  }
  function at(root, path) {
    if (!path) return null;
    var node = root;
    for (var i = 0; node && i < path.length; i++) node = node.childNodes[path[i]];
    return node || null;
  }

  /* Without the wasm, the shown notice stays: its buttons become links to the edge's pages. */
  function linksInstead(root, cfg) {
    var page = origin + "/" + cfg.id;
    root.querySelectorAll("button").forEach(function (b) {
      var a = document.createElement("a");
      var lang = b.getAttribute("lang");
      a.href = lang ? page + "?lang=" + encodeURIComponent(lang) : page + "/history";
      if (lang) a.setAttribute("lang", lang);
      if (b.getAttribute("aria-pressed") === "true") a.setAttribute("aria-current", "true");
      a.className = b.className;
      a.textContent = b.textContent;
      b.replaceWith(a);
    });
  }

  /* A short, polite message when the wasm itself cannot run (very old browser, blocked by a
   * policy, edge unreachable). The Rust side shows its own, richer fallback for data errors. */
  function fallback(el, cfg) {
    try {
      var href = new URL("/" + cfg.id, base).href;
      var lang = (cfg.lang || "en").slice(0, 2);
      var words = {
        fi: "Tietosuojaselostetta ei juuri nyt voitu näyttää tässä. Voit lukea sen osoitteessa ",
        sv: "Dataskyddsbeskrivningen kunde inte visas här just nu. Du kan läsa den på ",
        en: "The privacy notice could not be shown here just now. You can read it at "
      };
      var root = el.shadowRoot;
      var p = document.createElement("p");
      var a = document.createElement("a");
      p.setAttribute("lang", words[lang] ? lang : "en");
      p.textContent = words[lang] || words.en;
      a.href = href;
      a.textContent = href;
      p.appendChild(a);
      root.replaceChildren(p);
      try {
        // The host page's styles (even `!important` ones on the host) must not reach the text.
        var own = new CSSStyleSheet();
        own.replaceSync(":host{all:initial;display:block}p{all:initial;display:block;margin:1em 0;" +
          "font:1rem/1.5 system-ui,sans-serif;color:CanvasText}a{color:LinkText;text-decoration:underline}");
        root.adoptedStyleSheets = [own];
      } catch (e) { /* unstyled is still readable */ }
    } catch (e) { /* nothing more can be done quietly */ }
  }

  class SelosteNotice extends HTMLElement {
    static get observedAttributes() { return ATTRS; }
    /* True once the wasm app runs in this element (before, it shows the edge's rendering). */
    get interactive() { var st = states.get(this); return !!(st && st.live); }
    connectedCallback() { later(this); }
    disconnectedCallback() { later(this); }
    attributeChangedCallback() { if (this.isConnected) later(this); }
  }

  /* A `<script data-notice>` tag: its notice goes right after it, or into its `data-target`. */
  function mountScript(s) {
    if (seen.has(s)) return null;
    seen.add(s);
    var el = document.createElement("seloste-notice");
    ATTRS.forEach(function (n) {
      var v = s.getAttribute("data-" + n);
      if (v) el.setAttribute(n, v);
    });
    var selector = s.getAttribute("data-target");
    var target = selector ? document.querySelector(selector) : null;
    if (selector && !target) return null;
    if (target) target.appendChild(el);
    else s.after(el);
    return el;
  }

  /* Seloste.mount(container, {notice, lang, version, view}): shows that notice in `container`
   * (replacing what an earlier mount put there) and returns its `<seloste-notice>`. */
  function mount(target, options) {
    try {
      if (!target) return null;
      if (target.localName === "script") return mountScript(target);
      var el = target.localName === "seloste-notice" ? target : mounted.get(target);
      if (!el || (el !== target && el.parentNode !== target)) {
        el = document.createElement("seloste-notice");
        target.appendChild(el);
        mounted.set(target, el);
      }
      ATTRS.forEach(function (n) {
        var v = options && options[n];
        if (v === undefined || v === null || v === "") el.removeAttribute(n);
        else el.setAttribute(n, String(v));
      });
      return el;
    } catch (e) {
      return null;
    }
  }

  /* Seloste.unmount(container or element): removes what mount put there, at once. */
  function unmount(target) {
    try {
      var el = target && (target.localName === "seloste-notice" ? target : mounted.get(target));
      if (!el) return;
      mounted.delete(target);
      var st = states.get(el);
      if (st) teardown(st);
      dirty.delete(el);
      el.remove();
    } catch (e) { /* nothing to undo */ }
  }

  Object.defineProperty(window, "Seloste", {
    value: Object.freeze({ mount: mount, unmount: unmount }),
    configurable: false,
    writable: false
  });
  if (!customElements.get("seloste-notice")) customElements.define("seloste-notice", SelosteNotice);
  if (script.hasAttribute("data-notice")) mountScript(script);
})();
