// While the value is typed, show which procurement rules apply (progressive enhancement: without
// JavaScript the "Sjekk regelverket" button shows the same answer from the server).
(function () {
  "use strict";
  var wrapper = document.querySelector(".regime-hint-wrapper");
  var input = document.getElementById("id_estimated_value");
  if (!wrapper || !input || !window.fetch) return;
  var hint = document.getElementById("regime-hint");
  var note = document.getElementById("regime-hint-nojs");
  if (note) note.hidden = true;  // the hint now follows the typing
  var timer = null;

  function category() {
    var checked = document.querySelector("input[name=procurement_category]:checked");
    return checked ? checked.value : "helse-sosial";
  }

  function show(data, query) {
    hint.textContent = "";
    if (!data) return;
    var box = document.createElement("div");
    box.className = "ds-alert";
    box.setAttribute("data-color", "info");
    var text = document.createElement("p");
    text.append(wrapper.dataset.applies + " ");
    var strong = document.createElement("strong");
    strong.textContent = data.regime_tekst;
    text.append(strong, ". " + data.kunngjoring_tekst + ".");
    var more = document.createElement("p");
    var link = document.createElement("a");
    link.className = "ds-link";
    link.href = wrapper.dataset.guide + "?" + query;
    link.textContent = wrapper.dataset.link;
    more.append(link);
    box.append(text);
    // A doubt on the threshold reached or the next one is shown with the hint, as in the guide.
    var reached = (data.terskelverdier_brukt || []).filter(function (used) { return used.verdi <= data.verdi; });
    [reached[reached.length - 1], data.neste_terskelverdi].forEach(function (used) {
      if (!used || !used.usikkerhet) return;
      var doubt = document.createElement("p");
      doubt.className = "meta";
      doubt.textContent = wrapper.dataset.uncertain + " – " + used.tekst + ": " + used.usikkerhet;
      box.append(doubt);
    });
    box.append(more);
    hint.append(box);
  }

  function update() {
    var value = input.value.trim();
    if (!value) { show(null); return; }
    var query = new URLSearchParams({ verdi: value, oppdragsgiver: wrapper.dataset.buyer, kategori: category() }).toString();
    fetch(wrapper.dataset.api + "?" + query, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { show(data, query); })
      .catch(function () { show(null); });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  }

  input.addEventListener("input", later);
  document.querySelectorAll("input[name=procurement_category]").forEach(function (radio) {
    radio.addEventListener("change", later);
  });
})();
