/* The filter panel of the list pages (a static file: the Content-Security-Policy allows no inline script).
 *
 * 1. On wide screens the filters are open, as on the other lists; on narrow screens they stay behind
 *    «Filtrer» unless a filter is in use (the server opens them then).
 * 2. The municipality list shows only the municipalities of the chosen county. Without a county, or
 *    without JavaScript, every municipality is listed, grouped by county.
 */
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 48rem)");
  document.querySelectorAll("details.filters").forEach(function (details) {
    if (wide.matches) {
      details.open = true;
    }
  });

  document.querySelectorAll("form.search-form").forEach(function (form) {
    var county = form.querySelector('select[name="fylke"]');
    var municipality = form.querySelector('select[name="kommune"]');
    if (!county || !municipality) {
      return;
    }
    var groups = Array.prototype.slice.call(municipality.querySelectorAll("optgroup"));

    function follow() {
      var chosen = county.selectedIndex > 0 ? county.options[county.selectedIndex].text : "";
      var selected = municipality.value;
      groups.forEach(function (group) {
        group.remove();
        if (!chosen || group.label === chosen) {
          municipality.appendChild(group);
        }
      });
      // A municipality outside the chosen county would give no results: fall back to «Alle».
      municipality.value = selected;
      if (municipality.value !== selected) {
        municipality.value = "";
      }
    }

    county.addEventListener("change", follow);
    follow();
  });
})();
