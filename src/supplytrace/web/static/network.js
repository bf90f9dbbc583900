// Network view: draws /api/graph (or an entity's neighbourhood) with Cytoscape.js.
// All data comes from the JSON endpoint named in data-graph-url; labels are drawn on a canvas.
(function () {
  "use strict";
  var box = document.getElementById("network");
  if (!box) return;
  var stats = document.getElementById("graph-stats");

  function message(text) {
    var p = document.createElement("div");
    p.className = "graph-message";
    p.textContent = text;
    box.appendChild(p);
  }

  if (typeof window.cytoscape !== "function") {
    message("Graph library not installed: run `npm ci --prefix web` and reload.");
    return;
  }

  var css = getComputedStyle(document.documentElement);
  function typeColor(t) { return (css.getPropertyValue("--type-" + t) || "#6b7380").trim() || "#6b7380"; }
  var shapes = { organization: "round-rectangle", person: "ellipse", place: "diamond", facility: "hexagon",
                 weapon_system: "triangle", product: "ellipse" };
  var focusId = box.getAttribute("data-focus");

  fetch(box.getAttribute("data-graph-url"), { headers: { "Accept": "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(draw)
    .catch(function (err) { message("Could not load the network (" + err.message + ")."); });

  function draw(data) {
    var elements = [];
    var maxClaims = 1;
    data.nodes.forEach(function (n) { maxClaims = Math.max(maxClaims, n.claims || 0); });
    data.nodes.forEach(function (n) {
      elements.push({ group: "nodes", data: {
        id: "n" + n.id, entityId: n.id, label: n.name, type: n.type,
        size: 18 + 34 * Math.sqrt((n.claims || 0) / maxClaims), color: typeColor(n.type),
        shape: shapes[n.type] || "ellipse" },
        classes: String(n.id) === focusId ? "focus" : "" });
    });
    var seen = {};
    data.edges.forEach(function (e) {
      var key = e.source_id + ">" + e.target_id + ":" + e.predicate;
      if (seen[key]) { seen[key].data.weight += 1; return; }
      var el = { group: "edges", data: { id: "e" + elements.length, source: "n" + e.source_id,
        target: "n" + e.target_id, predicate: e.predicate, label: e.predicate.replace("_", " "),
        detail: e.label || e.predicate.replace("_", " "), weight: 1 } };
      seen[key] = el;
      elements.push(el);
    });

    var cy = window.cytoscape({
      container: box,
      elements: elements,
      minZoom: 0.15, maxZoom: 3,
      style: [
        { selector: "node", style: {
          "background-color": "data(color)", "shape": "data(shape)", "width": "data(size)", "height": "data(size)",
          "label": "data(label)", "font-size": 11, "color": "#1d2430", "text-valign": "bottom", "text-margin-y": 4,
          "text-wrap": "ellipsis", "text-max-width": 140, "text-outline-color": "#ffffff", "text-outline-width": 2.5,
          "border-width": 1.5, "border-color": "#ffffff" } },
        { selector: "node.focus", style: { "border-width": 4, "border-color": "#121826" } },
        { selector: "node.match", style: { "border-width": 4, "border-color": "#f5b400" } },
        { selector: "node:selected", style: { "border-width": 4, "border-color": "#121826" } },
        { selector: "edge", style: {
          "width": "mapData(weight, 1, 5, 1.2, 4)", "line-color": "#b4bccb", "target-arrow-color": "#b4bccb",
          "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.8,
          "label": "data(label)", "font-size": 9, "min-zoomed-font-size": 10, "color": "#6b7380",
          "text-rotation": "autorotate",
          "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
        { selector: "edge[predicate = 'used_in']", style: { "line-color": "#e48a8a", "target-arrow-color": "#e48a8a" } },
        { selector: "edge[predicate = 'supplies']", style: { "line-color": "#7ea6ee", "target-arrow-color": "#7ea6ee" } },
        { selector: "edge[predicate = 'produces']", style: { "line-color": "#e6a95c", "target-arrow-color": "#e6a95c" } },
        { selector: "node.hover, edge.hover", style: { "min-zoomed-font-size": 0, "z-index": 10 } },
        { selector: "edge.hover", style: { "line-color": "#121826", "target-arrow-color": "#121826", "width": 3,
          "label": "data(detail)", "font-size": 10, "color": "#121826" } },
        { selector: ".hidden", style: { "display": "none" } }
      ]
    });
    window.supplytraceGraph = cy; // for tests and the console

    function apply() {
      var types = {}, preds = {};
      document.querySelectorAll("#filters input[data-type]").forEach(function (i) { types[i.getAttribute("data-type")] = i.checked; });
      document.querySelectorAll("#filters input[data-predicate]").forEach(function (i) { preds[i.getAttribute("data-predicate")] = i.checked; });
      var hideIsolated = document.getElementById("hide-isolated");
      cy.batch(function () {
        cy.nodes().forEach(function (n) { n.toggleClass("hidden", types[n.data("type")] === false && !n.hasClass("focus")); });
        cy.edges().forEach(function (e) {
          e.toggleClass("hidden", preds[e.data("predicate")] === false || e.source().hasClass("hidden") || e.target().hasClass("hidden"));
        });
        if (hideIsolated && hideIsolated.checked) {
          cy.nodes().forEach(function (n) {
            if (!n.hasClass("hidden") && !n.hasClass("focus") && n.connectedEdges(":visible").length === 0) n.addClass("hidden");
          });
        }
      });
      var visible = cy.nodes(":visible").length;
      if (stats) stats.textContent = visible + " of " + cy.nodes().length + " nodes, " + cy.edges(":visible").length + " links shown";
      box.setAttribute("data-visible-nodes", String(visible));
      var empty = document.getElementById("graph-empty");
      if (visible === 0 && !empty) {
        empty = document.createElement("div");
        empty.id = "graph-empty";
        empty.className = "graph-message";
        box.appendChild(empty);
      }
      if (empty) {
        empty.textContent = cy.nodes().length === 0
          ? "Nothing to draw yet: no claim links two entities. Ingest articles (supplytrace ingest PATH…) and reload."
          : "Every node is hidden by the filters on the left: tick more entity types or links.";
        empty.style.display = visible === 0 ? "" : "none";
      }
    }

    function relayout() {
      cy.elements(":visible").layout({ name: "cose", animate: false, nodeRepulsion: function () { return 22000; },
        idealEdgeLength: function () { return 110; }, nodeOverlap: 24, componentSpacing: 90, gravity: 0.6,
        padding: 30, randomize: true }).run();
      if (cy.zoom() > 1.25) { cy.zoom(1.25); cy.center(cy.elements(":visible")); }
    }

    document.querySelectorAll("#filters input[type=checkbox]").forEach(function (i) {
      i.addEventListener("change", function () { apply(); relayout(); });
    });
    var find = document.getElementById("node-find");
    if (find) {
      find.addEventListener("input", function () {
        var q = find.value.trim().toLowerCase();
        cy.nodes().removeClass("match");
        if (!q) return;
        cy.nodes().filter(function (n) { return n.data("label").toLowerCase().indexOf(q) >= 0; }).addClass("match");
      });
      find.addEventListener("keydown", function (ev) {
        if (ev.key !== "Enter") return;
        var m = cy.nodes(".match:visible");
        if (m.length) cy.animate({ fit: { eles: m, padding: 120 } }, { duration: 300 });
      });
    }
    cy.on("tap", "node", function (ev) {
      window.location.href = "/entity/" + encodeURIComponent(ev.target.data("entityId"));
    });
    // full names on hover: canvas labels of long names are cut short
    cy.on("mouseover", "node", function (ev) {
      box.style.cursor = "pointer";
      box.title = ev.target.data("label") + " (" + String(ev.target.data("type")).replace("_", " ") + ")";
      ev.target.connectedEdges().addClass("hover");
    });
    cy.on("mouseout", "node", function (ev) { box.style.cursor = ""; box.title = ""; ev.target.connectedEdges().removeClass("hover"); });

    apply();
    relayout();
    box.setAttribute("data-ready", "true");
  }
})();
