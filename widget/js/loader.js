/* Seloste widget loader. `cargo xtask build` puts wasm-bindgen's `--target no-modules` glue where
 * the GLUE marker is and writes the result to widget/dist/seloste.js.
 *
 * Embedding: <script src="https://EDGE/widget/seloste.js" data-notice="ORG/NOTICE" async></script>
 *
 * Why it is shaped like this:
 * - One IIFE: the glue's `wasm_bindgen` and everything else stay local. The only global is
 *   `window.Seloste`, so that several tags on one page share one wasm instance.
 * - `document.currentScript` is read at once: it is only set while this script first runs.
 * - The wasm is loaded from next to this script (`new URL("seloste_bg.wasm", script.src)`), so
 *   the edge origin is wherever the script came from.
 * - Nothing is ever logged and nothing thrown escapes: a widget must not disturb its host page.
 */
(function () {
  "use strict";
  var script = document.currentScript ||
    document.querySelector('script[data-notice][src*="seloste.js"]');
  if (!script) return;
  var existing = window.Seloste;
  if (existing && typeof existing.mount === "function") {
    existing.mount(script);
    return;
  }

  /*@@GLUE@@*/

  var seen = typeof WeakSet === "function" ? new WeakSet() : null;
  var queue = [];
  var mountNow = null;

  /* A short, polite message when the wasm itself cannot run (very old browser, blocked by a
   * policy, edge unreachable). The Rust side shows its own, richer fallback for data errors. */
  function fallback(s) {
    try {
      var id = s.getAttribute("data-notice") || "";
      var href = new URL("/" + id, s.src).href;
      var lang = (s.getAttribute("data-lang") || document.documentElement.lang || "en").slice(0, 2);
      var words = {
        fi: "Tietosuojaselostetta ei juuri nyt voitu näyttää tässä. Voit lukea sen osoitteessa ",
        sv: "Dataskyddsbeskrivningen kunde inte visas här just nu. Du kan läsa den på ",
        en: "The privacy notice could not be shown here just now. You can read it at "
      };
      var host = document.createElement("seloste-notice");
      var root = host.attachShadow({ mode: "open" });
      var p = document.createElement("p");
      var a = document.createElement("a");
      p.setAttribute("lang", words[lang] ? lang : "en");
      p.textContent = words[lang] || words.en;
      a.href = href;
      a.textContent = href;
      p.appendChild(a);
      root.appendChild(p);
      try {
        // The host page's styles (even `!important` ones on the host) must not reach the text.
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(":host{all:initial;display:block}p{all:initial;display:block;margin:1em 0;" +
          "font:1rem/1.5 system-ui,sans-serif;color:CanvasText}a{color:LinkText;text-decoration:underline}");
        root.adoptedStyleSheets = [sheet];
      } catch (e) { /* unstyled is still readable */ }
      s.after(host);
    } catch (e) { /* nothing more can be done quietly */ }
  }

  function mount(s) {
    if (!s || (seen && seen.has(s))) return;
    if (seen) seen.add(s);
    if (mountNow) {
      try { mountNow(s); } catch (e) { fallback(s); }
    } else {
      queue.push(s);
    }
  }

  Object.defineProperty(window, "Seloste", {
    value: Object.freeze({ mount: mount }),
    configurable: false,
    writable: false
  });
  mount(script);

  function drain(fn) {
    mountNow = fn;
    var pending = queue;
    queue = [];
    for (var i = 0; i < pending.length; i++) {
      try { fn(pending[i]); } catch (e) { fallback(pending[i]); }
    }
  }

  try {
    wasm_bindgen({ module_or_path: new URL("seloste_bg.wasm", script.src) }).then(
      function () { drain(wasm_bindgen.mount); },
      function () { drain(fallback); }
    );
  } catch (e) {
    drain(fallback);
  }
})();
