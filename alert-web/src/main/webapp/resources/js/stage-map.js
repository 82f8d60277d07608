// Draws the stages of an alert's widening on the map element's data-map: where the child was last
// seen, and stage by stage the provinces the stage reaches for the first time, one colour per
// stage (the colours of the tifli-stage-key-N marks beside each stage's name in the page). The
// provinces' shapes come from the application (areasUrl), so they draw without any tile server;
// tiles are added only when the installation names one (tifli.map.tile-url). Each stage's shapes
// carry the class tifli-stage-<number>, and the element records the shapes it drew in
// data-areas-drawn.
//
// Where the page keeps renewing the data (an element stageMapData, updated by an Ajax poll), the
// map draws the stages again whenever that data changes: a stage applied while the page is open
// appears on the map without a reload.
(function () {
  "use strict";
  var element = document.getElementById("stageMap");
  if (!element || typeof L === "undefined") {
    return;
  }
  var shown = element.getAttribute("data-map");
  var data = JSON.parse(shown);
  var colours = ["#c0392b", "#b9770e", "#1f6fb2", "#7d3c98", "#1e8449", "#117a65"];
  var map = L.map(element, { attributionControl: Boolean(data.tiles) })
    .setView([data.latitude, data.longitude], 7);
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 18 }).addTo(map);
  }
  L.circleMarker([data.latitude, data.longitude], {
    radius: 7,
    color: "#111",
    fillOpacity: 0.9,
    className: "tifli-seen"
  }).addTo(map);
  var drawn = L.featureGroup().addTo(map);

  function draw(stages, areas) {
    var stageOfArea = {};
    stages.forEach(function (stage) {
      stage.areas.forEach(function (code) {
        stageOfArea[code] = stage;
      });
    });
    drawn.clearLayers();
    areas.features.forEach(function (feature) {
      var stage = stageOfArea[feature.properties.code];
      if (!stage) {
        return;
      }
      var colour = colours[(stage.number - 1) % colours.length];
      L.geoJSON(feature, {
        style: {
          color: colour,
          weight: 1.5,
          fillOpacity: 0.25,
          className: "tifli-area tifli-stage-" + stage.number
        }
      }).bindTooltip(stage.number + " · " + stage.label + " · " + feature.properties.nameFr)
        .addTo(drawn);
    });
    element.setAttribute("data-areas-drawn", String(drawn.getLayers().length));
  }

  fetch(data.areasUrl, { credentials: "same-origin" })
    .then(function (response) {
      return response.json();
    })
    .then(function (areas) {
      draw(data.stages, areas);
      if (drawn.getLayers().length > 0) {
        map.fitBounds(drawn.getBounds(), { padding: [10, 10] });
      }
      if (typeof jQuery !== "undefined") {
        jQuery(document).on("pfAjaxComplete", function () {
          var renewed = document.getElementById("stageMapData");
          var latest = renewed && renewed.getAttribute("data-map");
          if (latest && latest !== shown) {
            shown = latest;
            draw(JSON.parse(latest).stages, areas);
          }
        });
      }
    });
})();
