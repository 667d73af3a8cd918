/* Autocomplete for the search fields: an ARIA 1.2 combobox (list
   autocomplete, no automatic selection) added as a progressive enhancement
   to every <input data-autocomplete-url>. Without JavaScript the plain form
   works as before. Keyboard: Down/Up move through the suggestions, Enter
   opens the one selected (or submits the search), Escape closes the list
   (a second Escape clears the field). The number of suggestions is
   announced in a polite live region. */
(function () {
  "use strict";
  var MIN_CHARS = 2;
  var DELAY = 150;
  var counter = 0;

  function setup(input) {
    counter += 1;
    var id = input.id || "recherche-" + counter;
    input.id = id;
    var listId = id + "-suggestions";

    var wrapper = input.parentNode;
    if (!wrapper.classList.contains("search-combobox")) {
      wrapper = document.createElement("div");
      wrapper.className = "search-combobox";
      input.parentNode.insertBefore(wrapper, input);
      wrapper.appendChild(input);
    }
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function open() {
      if (!options.length) { return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      setActive(-1);
    }

    function setActive(index) {
      active = index;
      options.forEach(function (option, i) {
        option.el.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].el.id);
        options[index].el.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      var url = options[index] && options[index].url;
      if (url) { window.location.assign(url); }
    }

    function render(results) {
      list.textContent = "";
      options = results.map(function (result, i) {
        var el = document.createElement("li");
        el.id = listId + "-" + i;
        el.setAttribute("role", "option");
        el.setAttribute("aria-selected", "false");
        el.appendChild(document.createTextNode(result.title));
        var type = document.createElement("small");
        type.textContent = result.type;
        el.appendChild(type);
        el.addEventListener("mousedown", function (event) { event.preventDefault(); });
        el.addEventListener("click", function () { go(i); });
        list.appendChild(el);
        return { el: el, url: result.url };
      });
      active = -1;
      if (options.length) {
        status.textContent = options.length + (options.length > 1 ? " suggestions disponibles" : " suggestion disponible") +
          ", flèches haut et bas pour les parcourir.";
        open();
      } else {
        status.textContent = "Aucune suggestion.";
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_CHARS) { lastQuery = ""; options = []; list.textContent = ""; close(); return; }
      if (query === lastQuery) { open(); return; }
      lastQuery = query;
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var url = input.getAttribute("data-autocomplete-url") + "?q=" + encodeURIComponent(query);
      fetch(url, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) { render(data.results || []); } })
        .catch(function () { /* aborted or offline: the plain search still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      switch (event.key) {
        case "ArrowDown":
          if (!options.length) { return; }
          event.preventDefault();
          if (!expanded) { open(); }
          setActive(active + 1 >= options.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!options.length) { return; }
          event.preventDefault();
          if (!expanded) { open(); }
          setActive(active <= 0 ? options.length - 1 : active - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastQuery = "";
            options = [];
            list.textContent = "";
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () { close(); });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-autocomplete-url]");
    Array.prototype.forEach.call(inputs, setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
