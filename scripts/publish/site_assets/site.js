// The evidence site (scripts/publish/site.py): pointing at, clicking or focusing a highlighted passage shows, in the
// panel, the card of every row whose span covers it (the innermost first). The cards are the page's own, copied.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var panel = document.getElementById("panel-rows");
  if (!text || !panel) { return; }
  var active = [];

  function covering(mark) {
    var marks = [];
    for (var node = mark; node && node !== text; node = node.parentElement) {
      if (node.tagName === "MARK" && node.hasAttribute("data-row")) { marks.push(node); }
    }
    return marks;
  }

  function card(mark) {
    var source = document.getElementById(mark.getAttribute("data-row"));
    if (!source) { return null; }
    var copy = source.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    copy.setAttribute("data-kind", mark.getAttribute("data-kind"));
    copy.classList.add("k-" + mark.getAttribute("data-kind"));
    return copy;
  }

  function show(mark) {
    active.forEach(function (m) { m.classList.remove("active"); });
    active = covering(mark);
    var seen = {};
    var cards = [];
    active.forEach(function (m) {
      m.classList.add("active");
      var key = m.getAttribute("data-row");
      if (seen[key]) { return; }
      seen[key] = true;
      var copy = card(m);
      if (copy) { cards.push(copy); }
    });
    panel.replaceChildren.apply(panel, cards);
  }

  function target(event) {
    return event.target && event.target.closest ? event.target.closest("mark[data-row]") : null;
  }

  ["mouseover", "focusin", "click"].forEach(function (type) {
    text.addEventListener(type, function (event) {
      var mark = target(event);
      if (mark) { show(mark); }
    });
  });
}());
