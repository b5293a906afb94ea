/* The case form's tags (the admin): as a curator types, the tags that exist whose English or
   Chinese name holds the words after the last comma are offered, each completing the field
   with a comma after it. A name that is not a tag is refused when the case is saved: a new
   tag is added under Tags first, with its Chinese name. */
(function () {
  "use strict";

  function suggestTags() {
    const field = document.querySelector("input[data-suggestions]");
    if (!field) {
      return;
    }
    const list = document.createElement("datalist");
    list.id = field.id + "-suggestions";
    field.after(list);
    field.setAttribute("list", list.id);
    let waiting = null;

    function offer(before, tags) {
      list.replaceChildren(...tags.map(function (tag) {
        const option = document.createElement("option");
        option.value = before + tag.name + ", ";
        option.label = tag.name_zh ? tag.name + " · " + tag.name_zh : tag.name;
        return option;
      }));
    }

    field.addEventListener("input", function () {
      const cut = field.value.lastIndexOf(",");
      const before = cut < 0 ? "" : field.value.slice(0, cut + 1).trimEnd() + " ";
      const words = field.value.slice(cut + 1).trim();
      clearTimeout(waiting);
      if (!words) {
        offer(before, []);
        return;
      }
      waiting = setTimeout(function () {
        fetch(field.dataset.suggestions + "?q=" + encodeURIComponent(words), {
          credentials: "same-origin",
          headers: {Accept: "application/json"},
        })
          .then(function (response) { return response.ok ? response.json() : {tags: []}; })
          .then(function (found) { offer(before, found.tags); })
          .catch(function () { offer(before, []); });
      }, 150);
    });
  }

  // Loaded in the page's head, with the admin's other scripts: the field comes later.
  document.addEventListener("DOMContentLoaded", suggestTags);
})();
