/// The one script the citizen form loads (`GET /static/form.js`): a "use my location" button that
/// fills the latitude and longitude fields from the browser's geolocation. The form works without it;
/// the button appears only where the script runs and the browser offers geolocation.
public enum FormScript {
    public static let path = "/static/form.js"

    public static let source = """
        (function () {
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
