// bridgegen language chooser: shows one language's blocks (`.bg-choosable[data-lang]`)
// everywhere on the page, and remembers the choice in localStorage.
(function () {
  "use strict";
  var KEY = "bridgegen.language";
  var LABELS = { typescript: "TypeScript", python: "Python", go: "Go", csharp: "C#", java: "Java", yaml: "YAML" };

  function label(lang) { return LABELS[lang] || lang; }

  function pageLanguages() {
    var seen = [];
    document.querySelectorAll(".bg-chooser[data-langs]").forEach(function (c) {
      c.getAttribute("data-langs").split(",").forEach(function (l) {
        l = l.trim();
        if (l && seen.indexOf(l) < 0) seen.push(l);
      });
    });
    document.querySelectorAll(".bg-choosable[data-lang]").forEach(function (b) {
      var l = b.getAttribute("data-lang");
      if (seen.indexOf(l) < 0) seen.push(l);
    });
    return seen;
  }

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function apply(lang) {
    document.documentElement.setAttribute("data-bg-language", lang);
    document.querySelectorAll(".bg-choosable[data-lang]").forEach(function (b) {
      b.classList.toggle("bg-hidden", b.getAttribute("data-lang") !== lang);
    });
    document.querySelectorAll(".bg-chooser button[data-lang]").forEach(function (btn) {
      var on = btn.getAttribute("data-lang") === lang;
      btn.classList.toggle("bg-active", on);
      btn.setAttribute("aria-pressed", on ? "true" : "false");
    });
    var select = document.getElementById("bg-language");
    if (select) select.value = lang;
  }

  function choose(lang) {
    try { window.localStorage.setItem(KEY, lang); } catch (e) { /* private mode */ }
    apply(lang);
  }

  function init() {
    var langs = pageLanguages();
    if (!langs.length) return;
    document.querySelectorAll(".bg-chooser[data-langs]").forEach(function (c) {
      c.setAttribute("role", "group");
      c.setAttribute("aria-label", "Language");
      c.getAttribute("data-langs").split(",").forEach(function (l) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.setAttribute("data-lang", l);
        btn.textContent = label(l);
        btn.addEventListener("click", function () { choose(l); });
        c.appendChild(btn);
      });
    });
    // One chooser in the menu bar too, for pages whose blocks are far from a chooser.
    var bar = document.querySelector(".right-buttons") || document.querySelector("#mdbook-menu-bar");
    if (bar && !document.getElementById("bg-language")) {
      var select = document.createElement("select");
      select.id = "bg-language";
      select.title = "Language";
      select.setAttribute("aria-label", "Language");
      langs.forEach(function (l) {
        var o = document.createElement("option");
        o.value = l;
        o.textContent = label(l);
        select.appendChild(o);
      });
      select.addEventListener("change", function () { choose(select.value); });
      bar.insertBefore(select, bar.firstChild);
    }
    var want = stored();
    apply(want && langs.indexOf(want) >= 0 ? want : langs[0]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
