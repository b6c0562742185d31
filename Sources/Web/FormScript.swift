/// The one script the complaint forms load (`GET /static/form.js`, a file of the hub's own, as the
/// Content-Security-Policy's `script-src 'self'` allows; no inline script). Every form works without
/// it; where it runs it:
/// - moves focus to the field a link of the summary of problems names (and to the first field to
///   fix, where `autofocus` did not already);
/// - offers only the chosen category's subcategories (without it, all of them, grouped);
/// - shows the streetlight pole field only for streetlight subcategories;
/// - scales photos over the size limit down in the browser (canvas, JPEG) before they are sent; the
///   server's limit and byte checks stay;
/// - fills latitude and longitude from the browser's geolocation ("use my location");
/// - shows the region's map (`MapPicker`): a tap places the point and fills latitude and longitude,
///   and the open public reports near the point are listed (`/api/v1/reports/nearby`);
/// - shows the desk receipt's print button (`data-print`).
public enum FormScript {
    public static let path = "/static/form.js"

    public static let source = """
        (function () {
          "use strict";
          function byId(id) { return document.getElementById(id); }

          var summary = byId("error-summary");
          if (summary) {
            summary.addEventListener("click", function (event) {
              var link = event.target.closest ? event.target.closest("a") : null;
              if (!link) { return; }
              var field = byId(link.getAttribute("href").slice(1));
              if (!field) { return; }
              event.preventDefault();
              field.focus();
              if (field.scrollIntoView) { field.scrollIntoView({ block: "center" }); }
            });
            var first = document.querySelector("[autofocus]");
            if (first && document.activeElement !== first) { first.focus(); }
          }

          var category = byId("category");
          var subcategory = byId("subcategory");
          var poleField = byId("pole-field");
          var pole = byId("pole_id");
          function showPole() {
            if (!poleField || !subcategory) { return; }
            var streetlights = (poleField.getAttribute("data-subcategories") || "").split(" ");
            var named = pole && pole.value !== "";
            poleField.hidden = !(named || streetlights.indexOf(subcategory.value) >= 0 || pole.getAttribute("aria-invalid") === "true");
          }
          if (category && subcategory) {
            var groups = Array.prototype.slice.call(subcategory.getElementsByTagName("optgroup")).map(function (group) {
              return { code: group.getAttribute("data-category"), options: Array.prototype.slice.call(group.children) };
            });
            var none = subcategory.options[0];
            var filter = function () {
              var chosen = subcategory.value;
              while (subcategory.firstChild) { subcategory.removeChild(subcategory.firstChild); }
              subcategory.appendChild(none);
              groups.forEach(function (group) {
                if (group.code !== category.value) { return; }
                group.options.forEach(function (option) { subcategory.appendChild(option); });
              });
              subcategory.value = chosen;
              if (subcategory.value !== chosen) { subcategory.value = ""; }
              showPole();
            };
            category.addEventListener("change", filter);
            subcategory.addEventListener("change", showPole);
            filter();
          }

          var photos = byId("photos");
          var photosStatus = byId("photos-status");
          var pending = null;
          function decode(file) {
            if (window.createImageBitmap) { return createImageBitmap(file); }
            return new Promise(function (resolve, reject) {
              var reader = new FileReader();
              reader.onload = function () {
                var image = new Image();
                image.onload = function () { resolve(image); };
                image.onerror = reject;
                image.src = reader.result;
              };
              reader.onerror = reject;
              reader.readAsDataURL(file);
            });
          }
          function shrink(file, limit) {
            return decode(file).then(function (image) {
              var width = image.width, height = image.height;
              function attempt(side, quality) {
                var scale = Math.min(1, side / Math.max(width, height));
                var canvas = document.createElement("canvas");
                canvas.width = Math.max(1, Math.round(width * scale));
                canvas.height = Math.max(1, Math.round(height * scale));
                canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
                return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", quality); }).then(function (blob) {
                  if (blob && blob.size <= limit) {
                    return new File([blob], file.name.replace(/\\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" });
                  }
                  if (side <= 640) { throw new Error("still too large"); }
                  return attempt(Math.round(side * 0.75), 0.8);
                });
              }
              return attempt(2560, 0.85);
            });
          }
          if (photos && window.DataTransfer && window.Promise && HTMLCanvasElement.prototype.toBlob) {
            var limit = parseInt(photos.getAttribute("data-max-bytes"), 10);
            photos.addEventListener("change", function () {
              var files = Array.prototype.slice.call(photos.files);
              if (!files.some(function (file) { return file.size > limit; })) { return; }
              if (photosStatus) { photosStatus.textContent = photos.getAttribute("data-scaling"); }
              pending = Promise.all(files.map(function (file) {
                return file.size > limit ? shrink(file, limit).catch(function () { return file; }) : file;
              })).then(function (scaled) {
                var transfer = new DataTransfer();
                scaled.forEach(function (file) { transfer.items.add(file); });
                photos.files = transfer.files;
                photos.setAttribute("data-scaled", "true");
                if (photosStatus) { photosStatus.textContent = ""; }
              }).catch(function () {
                if (photosStatus) { photosStatus.textContent = ""; }
              }).then(function () { pending = null; });
            });
            if (photos.form) {
              photos.form.addEventListener("submit", function (event) {
                if (!pending) { return; }
                event.preventDefault();
                var form = photos.form;
                pending.then(function () { form.submit(); });
              });
            }
          }

          Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (print) {
            print.hidden = false;
            print.addEventListener("click", function () { window.print(); });
          });

          var picker = byId("map-picker");
          var nearby = byId("nearby");
          var latField = byId("lat");
          var lonField = byId("lon");
          var marker = null;
          var asked = 0;
          function corner(name) { return parseFloat(picker.getAttribute("data-" + name)); }
          function clear(element) { while (element.firstChild) { element.removeChild(element.firstChild); } }
          function listNearby(lat, lon) {
            if (!nearby || !window.fetch) { return; }
            var url = "/api/v1/reports/nearby?lat=" + lat + "&lon=" + lon;
            if (category && category.value) { url += "&category=" + encodeURIComponent(category.value); }
            var ticket = ++asked;
            fetch(url, { headers: { "Accept": "application/json" } }).then(function (response) {
              return response.ok ? response.json() : null;
            }).catch(function () { return null; }).then(function (body) {
              if (ticket !== asked) { return; }
              clear(nearby);
              nearby.hidden = !(body && body.reports && body.reports.length);
              if (nearby.hidden) { return; }
              var english = document.documentElement.lang === "en";
              var statuses = JSON.parse(nearby.getAttribute("data-statuses") || "{}");
              var heading = document.createElement("h2");
              heading.textContent = nearby.getAttribute("data-heading");
              var intro = document.createElement("p");
              intro.textContent = nearby.getAttribute("data-intro");
              var list = document.createElement("ul");
              body.reports.forEach(function (near) {
                var report = near.report;
                var item = document.createElement("li");
                var link = document.createElement("a");
                link.href = "/laporan/" + report.id + (english ? "?lang=en" : "");
                link.textContent = "#" + report.id + " " + (english ? report.category_name_en : report.category_name_id);
                item.appendChild(link);
                var words = (report.description || "").slice(0, 120);
                item.appendChild(document.createTextNode(" · " + (statuses[report.status] || report.status) + " · " +
                  near.distance_m + " " + nearby.getAttribute("data-metres") + (words ? " · " + words : "")));
                list.appendChild(item);
              });
              nearby.appendChild(heading);
              nearby.appendChild(intro);
              nearby.appendChild(list);
            });
          }
          function showPoint(lat, lon) {
            if (!picker) { return; }
            var svg = picker.querySelector("svg");
            var x = (lon - corner("west")) / (corner("east") - corner("west")) * corner("width");
            var y = (corner("north") - lat) / (corner("north") - corner("south")) * corner("height");
            if (!marker) {
              marker = document.createElementNS("http://www.w3.org/2000/svg", "circle");
              marker.setAttribute("id", "map-picker-marker");
              marker.setAttribute("r", "7");
              marker.setAttribute("fill", "#c00");
              marker.setAttribute("stroke", "#fff");
              marker.setAttribute("stroke-width", "2");
              marker.setAttribute("pointer-events", "none");
              svg.appendChild(marker);
            }
            marker.setAttribute("cx", x.toFixed(1));
            marker.setAttribute("cy", y.toFixed(1));
          }
          function placed() {
            var lat = parseFloat(latField && latField.value), lon = parseFloat(lonField && lonField.value);
            if (!isFinite(lat) || !isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) { return; }
            showPoint(lat, lon);
            listNearby(lat.toFixed(6), lon.toFixed(6));
          }
          if (picker && latField && lonField && window.SVGSVGElement) {
            picker.hidden = false;
            var drawn = picker.querySelector("svg");
            drawn.style.cursor = "crosshair";
            drawn.addEventListener("click", function (event) {
              event.preventDefault();
              var matrix = drawn.getScreenCTM();
              if (!matrix) { return; }
              var tap = drawn.createSVGPoint();
              tap.x = event.clientX;
              tap.y = event.clientY;
              var at = tap.matrixTransform(matrix.inverse());
              latField.value = (corner("north") - at.y / corner("height") * (corner("north") - corner("south"))).toFixed(6);
              lonField.value = (corner("west") + at.x / corner("width") * (corner("east") - corner("west"))).toFixed(6);
              placed();
            });
            latField.addEventListener("change", placed);
            lonField.addEventListener("change", placed);
            if (category) { category.addEventListener("change", placed); }
            placed();
          }

          var button = document.getElementById("locate");
          var status = document.getElementById("locate-status");
          if (!button || !navigator.geolocation) { return; }
          button.hidden = false;
          button.addEventListener("click", function () {
            status.textContent = button.getAttribute("data-waiting");
            navigator.geolocation.getCurrentPosition(function (position) {
              document.getElementById("lat").value = position.coords.latitude.toFixed(6);
              document.getElementById("lon").value = position.coords.longitude.toFixed(6);
              status.textContent = button.getAttribute("data-done");
              placed();
            }, function () {
              status.textContent = button.getAttribute("data-failed");
            }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
          });
        })();
        """
}
