// Draws the dashboard's map from the JSON in the map element's data-map attribute: each active
// alert's last-seen point and the provinces it reaches, one colour per alert (dashed for an
// exercise). The provinces' shapes come from the application (areasUrl), so they draw without
// any tile server; tiles are added only when the installation names one (tifli.map.tile-url).
// Each alert's shapes carry the class tifli-alert-<id>, and the element records what it drew in
// data-alerts-drawn and data-areas-drawn.
(function () {
  "use strict";
  var element = document.getElementById("alertMap");
  if (!element || typeof L === "undefined") {
    return;
  }
  var data = JSON.parse(element.getAttribute("data-map"));
  var colours = ["#c0392b", "#1f6fb2", "#7d3c98", "#1e8449", "#b9770e", "#117a65"];
  var map = L.map(element, { attributionControl: Boolean(data.tiles) }).setView([31.8, -7.1], 5);
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 18 }).addTo(map);
  }

  var alertsOfArea = {};
  data.alerts.forEach(function (alert, index) {
    alert.colour = colours[index % colours.length];
    alert.areas.forEach(function (code) {
      (alertsOfArea[code] = alertsOfArea[code] || []).push(alert);
    });
    L.circleMarker([alert.latitude, alert.longitude], {
      radius: 7,
      color: alert.colour,
      fillOpacity: 0.9,
      className: "tifli-seen tifli-alert-" + alert.id
    }).bindTooltip(alert.reference).addTo(map);
  });
  element.setAttribute("data-alerts-drawn", String(data.alerts.length));

  if (data.alerts.length === 0) {
    element.setAttribute("data-areas-drawn", "0");
    return;
  }
  fetch(data.areasUrl, { credentials: "same-origin" })
    .then(function (response) {
      return response.json();
    })
    .then(function (areas) {
      var drawn = L.featureGroup().addTo(map);
      areas.features.forEach(function (feature) {
        (alertsOfArea[feature.properties.code] || []).forEach(function (alert) {
          L.geoJSON(feature, {
            style: {
              color: alert.colour,
              weight: 1.5,
              fillOpacity: 0.15,
              dashArray: alert.exercise ? "4 4" : null,
              className: "tifli-area tifli-alert-" + alert.id
            }
          }).bindTooltip(alert.reference + " · " + feature.properties.nameFr).addTo(drawn);
        });
      });
      element.setAttribute("data-areas-drawn", String(drawn.getLayers().length));
      if (drawn.getLayers().length > 0) {
        map.fitBounds(drawn.getBounds(), { padding: [10, 10] });
      }
    });
})();
