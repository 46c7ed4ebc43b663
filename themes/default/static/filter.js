// Progressive enhancement for the action list: filter the listed actions as you type.
(function () {
  var box = document.querySelector('.filter');
  var input = document.getElementById('action-filter');
  var status = document.getElementById('filter-status');
  var groups = document.getElementById('action-groups');
  if (!box || !input || !groups) return;
  box.hidden = false;
  var items = Array.prototype.slice.call(groups.querySelectorAll('li.item'));
  var norm = function (s) { return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''); };
  var texts = items.map(function (li) { return norm(li.textContent); });
  var timer;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var words = norm(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (li, i) {
        var ok = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        li.hidden = !ok;
        if (ok) shown++;
      });
      groups.querySelectorAll('section.group').forEach(function (sec) {
        sec.hidden = !sec.querySelector('li.item:not([hidden])');
      });
      var total = status.getAttribute('data-total');
      status.textContent = words.length ? status.getAttribute('data-template').replace('{n}', shown).replace('{total}', total) : '';
    }, 150);
  });
})();
