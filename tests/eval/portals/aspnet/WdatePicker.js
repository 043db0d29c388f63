/*
 * A small date popup in the manner of My97 DatePicker (WdatePicker({dateFmt:'yyyy-MM-dd'})) for
 * read-only inputs: a year and a month select, a day grid, 清空/今天/确定. The page's own code;
 * written for the evaluation corpus, not the real My97.
 */
(function () {
  var div, target, fmt, cur;
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function format(d) {
    return fmt.replace('yyyy', d.getFullYear()).replace('MM', pad(d.getMonth() + 1)).replace('dd', pad(d.getDate()));
  }
  function parse(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
    return m ? new Date(+m[1], +m[2] - 1, +m[3]) : new Date();
  }
  function set(v) {
    target.value = v;
    var ev = document.createEvent('HTMLEvents'); ev.initEvent('change', true, false); target.dispatchEvent(ev);
    hide();
  }
  function hide() { if (div) div.style.display = 'none'; target = null; }
  function build() {
    div = document.createElement('div');
    div.id = 'WdateDiv';
    div.innerHTML = '<div class="WdateHead"><select class="yy"></select> 年 <select class="mm"></select> 月</div>' +
      '<table><thead><tr><td>日</td><td>一</td><td>二</td><td>三</td><td>四</td><td>五</td><td>六</td></tr></thead><tbody></tbody></table>' +
      '<div class="WdateFoot"><input type="button" value="清空" class="dpClear"/> <input type="button" value="今天" class="dpToday"/> <input type="button" value="确定" class="dpOk"/></div>';
    document.body.appendChild(div);
    var yy = div.querySelector('.yy'), mm = div.querySelector('.mm');
    for (var y = 1930; y <= 2035; y++) yy.options.add(new Option(String(y), String(y)));
    for (var m = 1; m <= 12; m++) mm.options.add(new Option(pad(m), String(m - 1)));
    yy.onchange = mm.onchange = function () { cur = new Date(+yy.value, +mm.value, 1); draw(); };
    div.querySelector('.dpClear').onclick = function () { set(''); };
    div.querySelector('.dpToday').onclick = function () { set(format(new Date())); };
    div.querySelector('.dpOk').onclick = function () { hide(); };
    div.onmousedown = function (e) { e.stopPropagation(); };
    document.addEventListener('mousedown', function () { if (target) hide(); });
  }
  function draw() {
    div.querySelector('.yy').value = String(cur.getFullYear());
    div.querySelector('.mm').value = String(cur.getMonth());
    var tbody = div.querySelector('tbody'), first = new Date(cur.getFullYear(), cur.getMonth(), 1);
    var start = new Date(first); start.setDate(1 - first.getDay());
    var html = '';
    for (var w = 0; w < 6; w++) {
      html += '<tr>';
      for (var d = 0; d < 7; d++) {
        var day = new Date(start); day.setDate(start.getDate() + w * 7 + d);
        var other = day.getMonth() !== cur.getMonth();
        html += '<td class="' + (other ? 'WdayOther' : 'Wday') + '" data-d="' + format(day) + '">' + day.getDate() + '</td>';
      }
      html += '</tr>';
    }
    tbody.innerHTML = html;
    var cells = tbody.querySelectorAll('td');
    for (var i = 0; i < cells.length; i++) cells[i].onclick = function () { set(this.getAttribute('data-d')); };
  }
  window.WdatePicker = function (opts) {
    var el = (window.event && (window.event.srcElement || window.event.target)) || document.activeElement;
    if (!div) build();
    target = el;
    fmt = (opts && opts.dateFmt) || 'yyyy-MM-dd';
    cur = parse(el.value);
    cur = new Date(cur.getFullYear(), cur.getMonth(), 1);
    draw();
    var r = el.getBoundingClientRect();
    div.style.left = (r.left + window.pageXOffset) + 'px';
    div.style.top = (r.bottom + window.pageYOffset + 2) + 'px';
    div.style.display = 'block';
  };
})();
