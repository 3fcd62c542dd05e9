/* The map of initiatives: progressive enhancement only. Without this script (or
   without tiles) the page keeps its list of initiatives and its working forms.
   The configuration comes from a JSON data element (no inline script: strict CSP). */
(function () {
    "use strict";

    var ICON_SIZES = {iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], shadowSize: [41, 41]};

    function readConfig() {
        var element = document.getElementById("initiatives-map-config");
        return element ? JSON.parse(element.textContent) : null;
    }

    /* Our own base layer, from our own origin: the provinces and the country's border
       always, the municipalities' names from config.base.municipalitiesZoom on (their
       file is fetched only then). Drawn under the markers and never interactive, so
       clicks and the keyboard reach the markers and the map itself. */
    function fetchJSON(url) {
        return fetch(url, {credentials: "same-origin"}).then(function (response) {
            if (!response.ok) { throw new Error(url + " " + response.status); }
            return response.json();
        });
    }

    function addProvinces(map, base) {
        fetchJSON(base.provinces).then(function (collection) {
            L.geoJSON(collection, {
                pane: "base",
                interactive: false,
                attribution: base.attribution,
                style: function (feature) {
                    return feature.properties.kind === "country"
                        ? {className: "map-country", weight: 2, fill: false}
                        : {className: "map-province", weight: 1, fillOpacity: 1};
                }
            }).addTo(map);
        }).catch(function () { /* without the base layer the markers still show */ });
    }

    function watchMunicipalities(map, base) {
        var layer = null;
        var loading = false;

        function update() {
            var wanted = map.getZoom() >= base.municipalitiesZoom;
            if (wanted && !layer && !loading) {
                loading = true;
                fetchJSON(base.municipalities).then(function (collection) {
                    layer = L.geoJSON(collection, {
                        pane: "base",
                        interactive: false,
                        pointToLayer: function (feature, latlng) {
                            return L.circleMarker(latlng, {
                                pane: "base", className: "map-place", radius: 2, interactive: false
                            }).bindTooltip(feature.properties.name, {
                                pane: "labels", permanent: true, direction: "right",
                                className: "map-place-label"
                            });
                        }
                    });
                    update();
                }).catch(function () { loading = false; });
                return;
            }
            if (layer && wanted !== map.hasLayer(layer)) {
                if (wanted) { layer.addTo(map); } else { map.removeLayer(layer); }
            }
        }
        map.on("zoomend", update);
        map.whenReady(update);
    }

    function makeMap(container, config) {
        container.hidden = false;
        var map = L.map(container, {scrollWheelZoom: false, minZoom: 6, maxZoom: 18});
        if (config.tileUrl) {
            L.tileLayer(config.tileUrl, {attribution: config.attribution, maxZoom: 18}).addTo(map);
        } else {
            container.classList.add("initiatives-map--own-base");
        }
        if (config.base) {
            // Over the tiles (200), under the markers (600) and their popups.
            map.createPane("base").style.zIndex = 350;
            map.createPane("labels").style.zIndex = 450;
            addProvinces(map, config.base);
            watchMunicipalities(map, config.base);
        }
        return map;
    }

    function makeIcon(config) {
        return L.icon(Object.assign({}, config.icon, ICON_SIZES));
    }

    /* Popups are built from DOM nodes with textContent: submitted text is never HTML. */
    function popupContent(properties, labels) {
        var box = document.createElement("div");
        var title = document.createElement("strong");
        title.textContent = properties.title;
        var summary = document.createElement("p");
        summary.textContent = properties.summary;
        var place = document.createElement("p");
        place.className = "initiatives-popup__meta";
        place.textContent = properties.organisation + " · " + properties.municipality;
        var link = document.createElement("a");
        link.href = properties.url;
        link.textContent = labels.more;
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = " " + properties.title;
        link.appendChild(hidden);
        box.append(title, summary, place, link);
        return box;
    }

    function overview(map, container, config) {
        var icon = makeIcon(config);
        map.fitBounds(config.bounds);
        fetch(config.geojson, {headers: {Accept: "application/geo+json"}, credentials: "same-origin"})
            .then(function (response) {
                if (!response.ok) { throw new Error("GeoJSON " + response.status); }
                return response.json();
            })
            .then(function (collection) {
                var cluster = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false});
                var markers = collection.features.map(function (feature) {
                    var point = feature.geometry.coordinates;  // [longitude, latitude]
                    var marker = L.marker([point[1], point[0]], {
                        icon: icon, title: feature.properties.title, alt: feature.properties.title
                    });
                    marker.bindPopup(function () { return popupContent(feature.properties, config.labels); });
                    return marker;
                });
                cluster.addLayers(markers);
                map.addLayer(cluster);
                if (markers.length) {
                    // With chunked loading the cluster fills later: fit to the markers themselves.
                    var bounds = L.latLngBounds(markers.map(function (marker) { return marker.getLatLng(); }));
                    map.fitBounds(bounds, {maxZoom: 11, padding: [20, 20], animate: false});
                }
                container.dataset.count = String(markers.length);  // ready: tests wait for it
            })
            .catch(function () {
                container.dataset.count = "error";
            });
    }

    function point(map, config) {
        map.setView(config.point, config.zoom);
        L.marker(config.point, {icon: makeIcon(config), keyboard: false, interactive: false}).addTo(map);
    }

    /* The submission form: the municipality's centre is the default point; a click on
       the map refines it. The hidden inputs carry the point to the server. */
    function picker(map, config) {
        var municipality = document.getElementById("id_municipality");
        var latitude = document.getElementById("id_latitude");
        var longitude = document.getElementById("id_longitude");
        var status = document.getElementById("initiatives-picker-status");
        if (!municipality || !latitude || !longitude) { return; }
        var centres = {};
        config.municipalities.forEach(function (row) { centres[row[0].toLowerCase()] = [row[1], row[2]]; });
        var marker = L.marker([0, 0], {icon: makeIcon(config), keyboard: false, interactive: false});

        function say(text) {
            status.hidden = false;
            status.textContent = text;
        }
        function place(latlng) {
            marker.setLatLng(latlng);
            if (!map.hasLayer(marker)) { marker.addTo(map); }
        }
        function centreOn(name) {
            var centre = centres[name.trim().toLowerCase()];
            if (!centre) { return false; }
            latitude.value = "";
            longitude.value = "";
            place(centre);
            map.setView(centre, 11);
            say(config.labels.centre);
            return true;
        }

        if (latitude.value && longitude.value) {
            var chosen = [parseFloat(latitude.value), parseFloat(longitude.value)];
            place(chosen);
            map.setView(chosen, 12);
        } else if (!centreOn(municipality.value)) {
            map.fitBounds(config.bounds);
        }
        municipality.addEventListener("change", function () { centreOn(municipality.value); });
        map.on("click", function (event) {
            latitude.value = event.latlng.lat.toFixed(5);
            longitude.value = event.latlng.lng.toFixed(5);
            place(event.latlng);
            say(config.labels.picked);
        });
    }

    function init() {
        var container = document.getElementById("initiatives-map");
        var config = readConfig();
        if (!container || !config || !window.L) { return; }
        var map = makeMap(container, config);
        var mode = container.dataset.map;
        if (mode === "overview") { overview(map, container, config); }
        else if (mode === "point") { point(map, config); }
        else if (mode === "picker") { picker(map, config); }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
