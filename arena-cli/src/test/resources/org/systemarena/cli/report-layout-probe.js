// Injected by HtmlReportBrowserIT into a copy of report.html (the report itself runs no scripts): measures the page
// as Chromium laid it out and writes the figures as JSON into a pre element (id layout-probe), for the test to read
// from the DOM that --dump-dom prints.
(function () {
  function box(r) {
    return {x: r.left, y: r.top, w: r.width, h: r.height};
  }
  var out = {column: document.querySelector('h1').getBoundingClientRect().width, toc: [], charts: []};
  document.querySelectorAll('nav#contents a').forEach(function (a) {
    var id = a.getAttribute('href').substring(1);
    var target = document.getElementById(id);
    out.toc.push({href: a.getAttribute('href'), text: a.textContent,
      target: target ? target.tagName.toLowerCase() : null, targetText: target ? target.textContent : null});
  });
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var texts = [];
    svg.querySelectorAll('text').forEach(function (t) {
      var shown = '';
      t.childNodes.forEach(function (n) {
        if (n.nodeName !== 'title') {
          shown += n.textContent;
        }
      });
      texts.push({text: shown, box: box(t.getBoundingClientRect())});
    });
    out.charts.push({id: svg.id, box: box(svg.getBoundingClientRect()), texts: texts});
  });
  var pre = document.createElement('pre');
  pre.id = 'layout-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
