// Draws the stages of an alert's widening on the map element's data-map: where the child was last
// seen, and stage by stage the provinces the stage reaches for the first time, one colour per
// stage (the colours of the tifli-stage-key-N marks beside each stage's name in the page). The
// provinces' shapes come from the application (areasUrl), so they draw without any tile server;
// tiles are added only when the installation names one (tifli.map.tile-url). Each stage's shapes
// carry the class tifli-stage-<number>, and the element records the shapes it drew in
// data-areas-drawn.
(function () {
  "use strict";
  var element = document.getElementById("stageMap");
  if (!element || typeof L === "undefined") {
    return;
  }
  var data = JSON.parse(element.getAttribute("data-map"));
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

  var stageOfArea = {};
  data.stages.forEach(function (stage) {
    stage.areas.forEach(function (code) {
      stageOfArea[code] = stage;
    });
  });
  fetch(data.areasUrl, { credentials: "same-origin" })
    .then(function (response) {
      return response.json();
    })
    .then(function (areas) {
      var drawn = L.featureGroup().addTo(map);
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
      if (drawn.getLayers().length > 0) {
        map.fitBounds(drawn.getBounds(), { padding: [10, 10] });
      }
    });
})();
