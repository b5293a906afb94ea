// The cases a reader ticks to compare, kept while they move between pages of the list.
//
// Without this script the list still works: the boxes ticked on one page are compared, and a
// selection in the address (?c=…, from "Compare with…" on a case page) is carried by the
// pagination links. With it, ticks are remembered for the tab (sessionStorage) and added to
// the compare form, the pagination, the filter chips, the filter form and the language links,
// so that the cases ticked on page 1 and page 2 are compared together.
(function () {
  "use strict";

  var form = document.querySelector(".compare-form");
  if (!form) {
    return;
  }
  var KEY = "socialgood:compare";
  var boxes = Array.prototype.slice.call(
    form.querySelectorAll('input[type="checkbox"][name="c"]')
  );
  var onPage = boxes.map(function (box) { return box.value; });
  var status = document.querySelector(".compare-status");
  var count = status && status.querySelector(".compare-count");
  var clear = status && status.querySelector(".compare-clear");

  function stored() {
    try {
      var slugs = JSON.parse(window.sessionStorage.getItem(KEY) || "[]");
      if (!Array.isArray(slugs)) {
        return [];
      }
      return slugs.filter(function (slug) { return typeof slug === "string"; });
    } catch (error) {
      return [];
    }
  }

  function store(slugs) {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify(slugs));
    } catch (error) {
      // Storage refused (private mode, quota): the address still carries the selection.
    }
  }

  // A selection in the address is the one the reader asked for; else the remembered one.
  var inAddress = new URLSearchParams(window.location.search).getAll("c");
  var selected = inAddress.length ? inAddress : stored();
  selected = selected.filter(function (slug, index) { return selected.indexOf(slug) === index; });

  function hiddenInputs(container, slugs) {
    if (!container) {
      return;
    }
    while (container.firstChild) {
      container.removeChild(container.firstChild);
    }
    slugs.forEach(function (slug) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "c";
      input.value = slug;
      container.appendChild(input);
    });
  }

  function withSelection(link) {
    var url = new URL(link.getAttribute("href"), window.location.href);
    url.searchParams.delete("c");
    selected.forEach(function (slug) { url.searchParams.append("c", slug); });
    link.setAttribute("href", url.pathname + url.search + url.hash);
  }

  function show() {
    boxes.forEach(function (box) { box.checked = selected.indexOf(box.value) !== -1; });
    hiddenInputs(
      form.querySelector(".compare-kept"),
      selected.filter(function (slug) { return onPage.indexOf(slug) === -1; })
    );
    hiddenInputs(document.querySelector(".filters .compare-kept"), selected);
    document.querySelectorAll(".pagination a, .chips a, .languages a").forEach(withSelection);
    if (status) {
      count.textContent = String(selected.length);
      status.hidden = selected.length === 0;
    }
    store(selected);
    // The address says what is chosen too, so a reload or a shared link keeps it.
    var here = document.createElement("a");
    here.setAttribute("href", window.location.href);
    withSelection(here);
    window.history.replaceState(window.history.state, "", here.getAttribute("href"));
  }

  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      selected = selected.filter(function (slug) { return slug !== box.value; });
      if (box.checked) {
        selected.push(box.value);
      }
      show();
    });
  });

  if (clear) {
    clear.addEventListener("click", function (event) {
      event.preventDefault();
      selected = [];
      show();
    });
  }

  show();
})();
