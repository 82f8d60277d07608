// Draws the map of an alert's public page from the JSON in the map element's data-map attribute:
// the last-seen point and a circle around it. Tiles are drawn only when the installation names a
// tile server (tifli.map.tile-url); without one, the shapes still show on a plain background.
(function () {
  "use strict";
  var element = document.getElementById("map");
  if (!element || typeof L === "undefined") {
    return;
  }
  var data = JSON.parse(element.getAttribute("data-map"));
  if (typeof data.latitude !== "number") {
    return;
  }
  var seen = [data.latitude, data.longitude];
  var map = L.map(element, { attributionControl: Boolean(data.tiles) }).setView(seen, 11);
  if (data.tiles) {
    L.tileLayer(data.tiles, { maxZoom: 18 }).addTo(map);
  }
  L.circle(seen, { radius: 2000 }).addTo(map);
  L.circleMarker(seen, { radius: 6 }).addTo(map);

  // A click on the map fills the sighting form's coordinates.
  var latitude = document.getElementById(data.latitudeInput);
  var longitude = document.getElementById(data.longitudeInput);
  var picked = null;
  map.on("click", function (event) {
    if (!latitude || !longitude) {
      return;
    }
    latitude.value = event.latlng.lat.toFixed(5);
    longitude.value = event.latlng.lng.toFixed(5);
    if (picked) {
      picked.setLatLng(event.latlng);
    } else {
      picked = L.marker(event.latlng).addTo(map);
    }
  });
})();
