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
            }, function () {
              status.textContent = button.getAttribute("data-failed");
            }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
          });
        })();
        """
}
