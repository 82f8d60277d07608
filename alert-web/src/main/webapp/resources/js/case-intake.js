// The intake wizard's behaviour in the browser (console/case-new.xhtml):
// - buttons with data-step select that step of the tab view (widget "steps");
// - maps of class tifli-picker pick a point into two inputs: the map's own (data-lat, data-lon)
//   or, after a button of class tifli-pick is pressed, that button's; typed coordinates move the
//   marker. Areas are drawn from the application (the form's data-maps: areasUrl, tiles), so the
//   maps work without a tile server. Each map records its last pick in data-picked ("lat,lon").
// The steps' content is replaced by Ajax updates (rows added, a refusal): everything is set up
// again after each one.
(function () {
  "use strict";
  var settings = null;
  var areas = null;

  function settingsOf() {
    if (settings === null) {
      var form = document.getElementById("intake");
      settings = form ? JSON.parse(form.getAttribute("data-maps") || "{}") : {};
    }
    return settings;
  }

  function input(id) {
    return id ? document.getElementById(id) : null;
  }

  function numberIn(id) {
    var field = input(id);
    var value = field ? parseFloat(field.value) : NaN;
    return isNaN(value) ? null : value;
  }

  function drawAreas(map) {
    var url = settingsOf().areasUrl;
    if (!url) {
      return;
    }
    if (areas === null) {
      areas = fetch(url, { credentials: "same-origin" }).then(function (response) {
        return response.json();
      });
    }
    areas.then(function (outlines) {
      L.geoJSON(outlines, { style: { color: "#1f6fb2", weight: 1, fillOpacity: 0.05 } }).addTo(map);
    });
  }

  function setUp(element) {
    if (element.getAttribute("data-ready") === "true" || typeof L === "undefined") {
      return;
    }
    element.setAttribute("data-ready", "true");
    var map = L.map(element, { attributionControl: Boolean(settingsOf().tiles) })
      .setView([31.8, -7.1], 5);
    if (settingsOf().tiles) {
      L.tileLayer(settingsOf().tiles, { maxZoom: 18 }).addTo(map);
    }
    drawAreas(map);
    var marker = null;
    var target = { lat: element.getAttribute("data-lat"), lon: element.getAttribute("data-lon") };

    function show(lat, lon) {
      if (lat === null || lon === null) {
        return;
      }
      if (marker === null) {
        marker = L.circleMarker([lat, lon], { radius: 7, color: "#c0392b", fillOpacity: 0.9 })
          .addTo(map);
      } else {
        marker.setLatLng([lat, lon]);
      }
    }

    map.on("click", function (event) {
      if (!input(target.lat) || !input(target.lon)) {
        return;
      }
      var lat = event.latlng.lat.toFixed(6);
      var lon = event.latlng.lng.toFixed(6);
      input(target.lat).value = lat;
      input(target.lon).value = lon;
      element.setAttribute("data-picked", lat + "," + lon);
      show(Number(lat), Number(lon));
    });
    element.addEventListener("tifli-pick", function (event) {
      target = event.detail;
      show(numberIn(target.lat), numberIn(target.lon));
    });
    document.addEventListener("change", function (event) {
      if (event.target.id === target.lat || event.target.id === target.lon) {
        show(numberIn(target.lat), numberIn(target.lon));
      }
    });
    // A map in a step not shown has no size: measure again when it appears.
    new ResizeObserver(function () {
      map.invalidateSize();
    }).observe(element);
    show(numberIn(target.lat), numberIn(target.lon));
  }

  function setUpAll() {
    document.querySelectorAll(".tifli-picker").forEach(setUp);
  }

  document.addEventListener("click", function (event) {
    var step = event.target.closest("[data-step]");
    if (step && typeof PF !== "undefined") {
      PF("steps").select(Number(step.getAttribute("data-step")));
      return;
    }
    var pick = event.target.closest(".tifli-pick");
    if (pick) {
      var map = pick.closest(".ui-tabs-panel").querySelector(".tifli-picker");
      map.dispatchEvent(new CustomEvent("tifli-pick", {
        detail: { lat: pick.getAttribute("data-lat"), lon: pick.getAttribute("data-lon") }
      }));
      map.focus();
      map.scrollIntoView({ block: "nearest" });
    }
  });

  setUpAll();
  if (typeof jQuery !== "undefined") {
    jQuery(document).on("pfAjaxComplete", setUpAll);
  }
})();
