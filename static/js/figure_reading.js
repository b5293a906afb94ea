/* A figure's value as readers will read it, in English and in Chinese, shown beside the
   value field of the figure form (campaigns/forms.py, FigureValueInput) as it is typed, and
   when the page opens: 2500000 visits "over" reads "over 2.5 million visits / 超过250万次访问".

   The words come from the page (the "figure-readings" data, written by campaigns/display.py
   with the functions that write figures on the site's pages); this script only shortens the
   number as display.humane_number does: a round number in millions or billions (in Chinese
   in 万 or 亿) when its short form needs at most two decimals, else every digit, grouped in
   threes. It works on the digits as text, never on floating point, so 1.1亿 stays exact.
   Rows added to the case page's figures with "Add another" are read too. */
(function () {
  "use strict";

  var DIGITS = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

  // A decimal as its sign, its whole digits and its decimals, without the zeros that say
  // nothing ("007.50" is "7" and "5"); null when the text is not a number.
  function parse(text) {
    // Python reads full-width digits as digits too (２５０ is 250).
    text = text.trim().replace(/[０-９]/g, function (digit) {
      return String.fromCharCode(digit.charCodeAt(0) - 0xfee0);
    });
    var found = DIGITS.exec(text);
    if (!found || !(found[2] || found[3])) return null;
    var whole = found[2] || "";
    var decimals = found[3] || "";
    var exponent = found[4] ? parseInt(found[4], 10) : 0;
    if (Math.abs(exponent) > 100) return null;
    if (exponent > 0) {
      decimals += new Array(exponent + 1).join("0");
      whole += decimals.slice(0, exponent);
      decimals = decimals.slice(exponent);
    } else if (exponent < 0) {
      whole = new Array(-exponent + 1).join("0") + whole;
      decimals = whole.slice(whole.length + exponent) + decimals;
      whole = whole.slice(0, whole.length + exponent);
    }
    whole = whole.replace(/^0+/, "");
    decimals = decimals.replace(/0+$/, "");
    var negative = found[1] === "-" && !!(whole || decimals);
    return { negative: negative, whole: whole, decimals: decimals };
  }

  function grouped(number, inThrees) {
    var whole = number.whole || "0";
    if (inThrees) whole = whole.replace(/\B(?=(\d{3})+$)/g, ",");
    return (number.negative ? "-" : "") + whole + (number.decimals ? "." + number.decimals : "");
  }

  // The number shortened by 10 ** power: "110000000" by 8 is "1" and "1".
  function divided(number, power) {
    var cut = number.whole.length - power;
    return {
      negative: number.negative,
      whole: number.whole.slice(0, cut),
      decimals: (number.whole.slice(cut) + number.decimals).replace(/0+$/, ""),
    };
  }

  function fill(pattern, slot, text) {
    return pattern.split(slot).join(text);
  }

  // display.humane_number: the first scale the number reaches shortens it, if exactly.
  function humane(number, rules) {
    for (var i = 0; i < rules.scales.length; i++) {
      var power = rules.scales[i][0];
      if (number.negative || number.whole.length <= power) continue;
      var short = divided(number, power);
      if (short.decimals.length <= rules.max_decimals) {
        return fill(rules.scales[i][1], "{number}", grouped(short, rules.grouped));
      }
      break;
    }
    return grouped(number, true);
  }

  // Exactly one ("1", "1.00"): "1 video", where a unit's name for one differs.
  function isOne(number) {
    return !number.negative && number.whole === "1" && !number.decimals;
  }

  // display.figure_text in one language: the number with its unit, then its qualifier.
  function reading(number, unit, qualifier, language, data) {
    var text = humane(number, data.numbers[language]);
    var units = data.units[unit];
    if (units && units.one && isOne(number)) units = units.one;
    text = units ? fill(units[language], "{number}", text) : text;
    var patterns = (data.qualifiers[unit] || {})[qualifier] || data.qualifiers[""][qualifier];
    return patterns ? fill(patterns[language], "{figure}", text) : text;
  }

  // The row's reading: nothing while the value is empty, the value in both languages when it
  // is a number, else what is wrong. The output stays in the page, so that a screen reader
  // (aria-live) hears each new reading.
  function show(output, data) {
    var prefix = output.id.replace(/value_reading$/, "");
    var value = document.getElementById(prefix + "value");
    if (!value) return;
    value.setAttribute("aria-describedby", output.id);
    var unit = document.getElementById(prefix + "unit");
    var qualifier = document.getElementById(prefix + "qualifier");
    var text = value.value.trim();
    var number = text ? parse(text) : null;
    var label = output.querySelector(".figure-reading-label");
    var lines = output.querySelector(".figure-reading-lines");
    var problem = output.querySelector(".figure-reading-problem");
    label.hidden = lines.hidden = !number;
    problem.hidden = !text || !!number;
    problem.textContent = text && !number ? data.not_a_number : "";
    lines.querySelectorAll("[data-language]").forEach(function (line) {
      line.textContent = number
        ? reading(number, unit ? unit.value : "", qualifier ? qualifier.value : "",
                  line.dataset.language, data)
        : "";
    });
  }

  function start() {
    var source = document.getElementById("figure-readings");
    if (!source) return;
    var data = JSON.parse(source.textContent);
    function showAll(within) {
      within.querySelectorAll("output.figure-reading").forEach(function (output) {
        // Not in the hidden row "Add another" copies: the copy is read once it is added.
        if (output.id.indexOf("__prefix__") === -1) show(output, data);
      });
    }
    showAll(document);
    document.addEventListener("formset:added", function (event) {
      showAll(event.target);
    });
    // One listener for every row, those added later too.
    function follow(event) {
      var field = event.target;
      if (!field.id || !/(value|unit|qualifier)$/.test(field.id)) return;
      var prefix = field.id.replace(/(value|unit|qualifier)$/, "");
      var output = document.getElementById(prefix + "value_reading");
      if (output) show(output, data);
    }
    document.addEventListener("input", follow);
    document.addEventListener("change", follow);
  }

  // The admin puts a form's scripts in the page's head, before the form.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
