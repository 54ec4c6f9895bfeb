(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var rules = data.rules, rows = data.rows;
  // a row: [index, path, id, score|null, verdict, findings, [rules], view, error]
  var ruleIndex = {};
  rules.forEach(function (r, i) { ruleIndex[r[0]] = i; });
  var verdictRank = {flagged: 5, suspect: 4, clean: 3, 'too-short': 2, unsupported: 1, error: 0};
  var PAGE = 100;
  var st = {verdict: '', rule: -1, q: '', key: '', dir: 1, page: 0};
  var shown = rows;
  var $ = function (id) { return document.getElementById(id); };
  var tbody = $('rows'), fVerdict = $('f-verdict'), fRule = $('f-rule'), fSearch = $('f-search');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function ruleChip(ri) {
    var r = rules[ri];
    var b = el('button', 'rule c-' + r[1], r[0]);
    b.type = 'button';
    b.setAttribute('data-rule', r[0]);
    return b;
  }
  var keys = {
    i: function (r) { return r[0]; },
    path: function (r) { return r[1].toLowerCase(); },
    score: function (r) { return r[3] == null ? -1 : r[3]; },
    verdict: function (r) { return verdictRank[r[4]] || 0; },
    findings: function (r) { return r[5]; }
  };

  function apply() {
    var q = st.q.toLowerCase();
    shown = rows.filter(function (r) {
      if (st.verdict && r[4] !== st.verdict) return false;
      if (st.rule >= 0 && r[6].indexOf(st.rule) < 0) return false;
      if (q && r[1].toLowerCase().indexOf(q) < 0 && r[2].toLowerCase().indexOf(q) < 0) return false;
      return true;
    });
    if (st.key) {
      var k = keys[st.key], d = st.dir;
      shown = shown.map(function (r) { return [k(r), r]; });
      shown.sort(function (a, b) {
        if (a[0] < b[0]) return -d;
        if (a[0] > b[0]) return d;
        return a[1][0] - b[1][0];
      });
      shown = shown.map(function (p) { return p[1]; });
    }
    var ths = document.querySelectorAll('#table th[data-sort]');
    for (var i = 0; i < ths.length; i++) {
      var th = ths[i];
      if (th.getAttribute('data-sort') === st.key) th.setAttribute('aria-sort', st.dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    if (st.page >= pages) st.page = pages - 1;
    render();
  }

  function render() {
    var from = st.page * PAGE, to = Math.min(shown.length, from + PAGE);
    var frag = document.createDocumentFragment();
    for (var i = from; i < to; i++) {
      var r = shown[i], tr = el('tr');
      tr.setAttribute('data-verdict', r[4]);
      tr.appendChild(el('td', 'num', String(r[0])));
      var td = el('td', 'path');
      if (r[7]) {
        var a = el('a', null, r[1]);
        a.href = '#d' + r[0];
        td.appendChild(a);
      } else {
        td.appendChild(el('span', null, r[1]));
      }
      if (r[2]) td.appendChild(el('small', null, 'id ' + r[2]));
      if (!r[7] && r[4] !== 'error') td.appendChild(el('small', null, 'no view (beyond the cap)'));
      tr.appendChild(td);
      var sc = el('td', 'num score', r[3] == null ? '\u2013' : r[3].toFixed(1));
      tr.appendChild(sc);
      var vd = el('td');
      vd.appendChild(el('span', 'chip v-' + r[4], r[4]));
      tr.appendChild(vd);
      tr.appendChild(el('td', 'num', String(r[5])));
      var rs = el('td', 'reasons');
      if (r[8]) { rs.className = 'err'; rs.textContent = r[8]; }
      for (var j = 0; j < r[6].length && j < 3; j++) rs.appendChild(ruleChip(r[6][j]));
      if (r[6].length > 3) rs.appendChild(el('span', 'note', '+' + (r[6].length - 3)));
      tr.appendChild(rs);
      frag.appendChild(tr);
    }
    tbody.textContent = '';
    tbody.appendChild(frag);
    var total = rows.length, n = shown.length;
    $('count').textContent = (n ? 'Showing ' + (from + 1) + '\u2013' + to + ' of ' + n : 'No document matches') +
      (n !== total ? ' (filtered from ' + total + ')' : '') + (n === 1 ? ' document' : ' documents');
    var pages = Math.max(1, Math.ceil(n / PAGE));
    $('page').textContent = 'page ' + (st.page + 1) + ' of ' + pages;
    $('prev').disabled = st.page === 0;
    $('next').disabled = st.page >= pages - 1;
  }

  function setVerdict(v) { st.verdict = v; fVerdict.value = v; st.page = 0; apply(); }
  function setRule(id) {
    st.rule = id in ruleIndex ? ruleIndex[id] : -1;
    fRule.value = st.rule >= 0 ? id : '';
    st.page = 0; apply();
  }

  fVerdict.addEventListener('change', function () { setVerdict(fVerdict.value); });
  fRule.addEventListener('change', function () { setRule(fRule.value); });
  fSearch.addEventListener('input', function () { st.q = fSearch.value; st.page = 0; apply(); });
  $('f-clear').addEventListener('click', function () {
    fSearch.value = ''; st.q = ''; st.verdict = ''; fVerdict.value = ''; st.rule = -1; fRule.value = '';
    st.key = ''; st.page = 0; apply();
  });
  $('prev').addEventListener('click', function () { if (st.page > 0) { st.page--; render(); } });
  $('next').addEventListener('click', function () { st.page++; apply(); });
  document.querySelector('#table thead').addEventListener('click', function (ev) {
    var th = ev.target.closest('th[data-sort]');
    if (!th) return;
    var k = th.getAttribute('data-sort');
    if (st.key === k) st.dir = -st.dir;
    else { st.key = k; st.dir = (k === 'score' || k === 'findings' || k === 'verdict') ? -1 : 1; }
    st.page = 0; apply();
  });
  // verdict and rule chips anywhere (summary, table) filter the table
  document.addEventListener('click', function (ev) {
    var b = ev.target.closest('button[data-verdict],button[data-rule]');
    if (!b) return;
    if (b.hasAttribute('data-verdict')) setVerdict(b.getAttribute('data-verdict'));
    else setRule(b.getAttribute('data-rule'));
    if (location.hash !== '#docs') location.hash = '#docs';
    else $('docs').scrollIntoView();
  });

  // one view at a time: #dN shows document N, #dNfK its K-th finding
  var current = null;
  function route() {
    var h = location.hash.slice(1);
    try { h = decodeURIComponent(h); } catch (e) { /* a malformed hash names nothing */ }
    var target = h ? document.getElementById(h) : null;
    var doc = target ? target.closest('.doc') : null;
    if (current && current !== doc) current.classList.remove('on');
    current = doc;
    document.body.classList.toggle('viewing', !!doc);
    if (doc) {
      doc.classList.add('on');
      if (target === doc) window.scrollTo(0, 0);
      else { target.scrollIntoView({block: 'center'}); target.focus({preventScroll: true}); }
    } else if (target) {
      target.scrollIntoView();
    }
  }
  window.addEventListener('hashchange', route);

  // the tooltip: rule, category, description and weight of a highlight
  var tip = $('tip');
  function showTip(m) {
    var r = rules[+m.getAttribute('data-r')] || ['?', '', ''];
    var w = m.getAttribute('data-w');
    tip.textContent = '';
    tip.appendChild(el('b', null, r[0]));
    tip.appendChild(document.createTextNode(' ' + r[1] + ' \u00b7 weight ' + w +
      (w.charAt(0) === '-' ? ' (lowers the score)' : '')));
    if (r[2]) tip.appendChild(el('div', 'd', r[2]));
    tip.hidden = false;
    var b = m.getBoundingClientRect(), t = tip.getBoundingClientRect();
    var left = Math.max(4, Math.min(b.left, window.innerWidth - t.width - 4));
    var top = b.bottom + 6;
    if (top + t.height > window.innerHeight - 4) top = Math.max(4, b.top - t.height - 6);
    tip.style.left = left + 'px';
    tip.style.top = top + 'px';
  }
  function hideTip() { tip.hidden = true; }
  function markOf(ev) { return ev.target.closest ? ev.target.closest('mark.f') : null; }
  document.addEventListener('mouseover', function (ev) { var m = markOf(ev); if (m) showTip(m); });
  document.addEventListener('mouseout', function (ev) { if (markOf(ev)) hideTip(); });
  document.addEventListener('focusin', function (ev) { var m = markOf(ev); if (m) showTip(m); else hideTip(); });
  document.addEventListener('focusout', function (ev) { if (markOf(ev)) hideTip(); });
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') hideTip(); });
  // Focusing a highlight scrolls it into view, and that scroll event comes
  // after the focus: keep the tooltip of the focused highlight, moved with it.
  window.addEventListener('scroll', function () {
    var m = document.activeElement;
    if (m && m.matches && m.matches('mark.f') && !tip.hidden) showTip(m); else hideTip();
  }, {passive: true});

  apply();
  route();
  document.documentElement.setAttribute('data-ready', '1');
})();
