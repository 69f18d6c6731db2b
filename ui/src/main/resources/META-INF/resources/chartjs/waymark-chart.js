/*
 * Waymark's glue around Chart.js (chart.umd.js, loaded before this file as window.Chart): draws a chart into an
 * element from a plain configuration sent by io.waymark.ui.dashboard.Chart, and redraws it when a new one comes.
 *   waymarkChart.draw(host, config)  config: a Chart.js configuration ({type, data: {labels, datasets}, options})
 * The host gets data-drawn="<n>" (the number of points drawn) once the chart is on the canvas, for browser tests.
 */
(function () {
  window.waymarkChart = {
    draw: function (host, config) {
      if (!window.Chart) {
        host.textContent = 'The chart script (Chart.js) did not load.';
        return;
      }
      var canvas = host.querySelector('canvas');
      if (!canvas) {
        canvas = document.createElement('canvas');
        canvas.setAttribute('role', 'img');
        host.appendChild(canvas);
      }
      canvas.setAttribute('aria-label', host.getAttribute('aria-label') || 'chart');
      if (host.$chart) {
        host.$chart.destroy();
      }
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: 'index', intersect: false } }, config.options || {});
      host.$chart = new window.Chart(canvas, config);
      var points = (config.data.datasets || []).reduce(function (n, d) { return n + (d.data || []).length; }, 0);
      host.setAttribute('data-drawn', String(points));
    }
  };
})();
