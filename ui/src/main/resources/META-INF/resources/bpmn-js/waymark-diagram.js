/*
 * Waymark's glue around bpmn-js (the navigated viewer, loaded before this file as window.BpmnJS): draws a BPMN
 * diagram into an element and puts counts on its elements. Called by io.waymark.ui.journeys.JourneyDiagram.
 *   waymarkDiagram.show(host, xml, overlays)  overlays: [{elementId, live, failed, incidents}]
 *   waymarkDiagram.highlight(host, elementId) marks one element (e.g. the element of a lint finding) and centres it
 */
(function () {
  function viewerOf(host) {
    if (!host.$viewer) {
      host.$viewer = new window.BpmnJS({ container: host });
    }
    return host.$viewer;
  }

  function badge(text, color, title) {
    var span = document.createElement('span');
    span.textContent = text;
    span.title = title;
    span.style.cssText = 'display:inline-block;min-width:16px;padding:0 5px;margin-right:2px;border-radius:9px;'
      + 'font:bold 11px/18px sans-serif;text-align:center;color:#fff;background:' + color + ';';
    return span;
  }

  function addOverlays(viewer, overlays) {
    var overlayService = viewer.get('overlays');
    var registry = viewer.get('elementRegistry');
    overlayService.remove({ type: 'waymark-counts' });
    (overlays || []).forEach(function (o) {
      if (!registry.get(o.elementId)) {
        return;
      }
      var html = document.createElement('div');
      html.style.whiteSpace = 'nowrap';
      if (o.live > 0) {
        html.appendChild(badge(o.live, '#1676f3', o.live + ' live run(s) whose newest step is here'));
      }
      if (o.failed > 0) {
        html.appendChild(badge(o.failed, '#e8a200', o.failed + ' failed attempt(s), retried by the engine'));
      }
      if (o.incidents > 0) {
        html.appendChild(badge(o.incidents, '#d6334c', o.incidents + ' incident(s): no retries left'));
      }
      if (html.childNodes.length) {
        overlayService.add(o.elementId, 'waymark-counts', { position: { bottom: 12, left: -6 }, html: html });
      }
    });
  }

  window.waymarkDiagram = {
    show: function (host, xml, overlays) {
      if (!window.BpmnJS) {
        host.textContent = 'The diagram viewer (bpmn-js) did not load.';
        return;
      }
      var viewer = viewerOf(host);
      return viewer.importXML(xml).then(function () {
        viewer.get('canvas').zoom('fit-viewport');
        addOverlays(viewer, overlays);
      }).catch(function (err) {
        host.textContent = 'The diagram could not be drawn: ' + err.message;
      });
    },
    highlight: function (host, elementId) {
      if (!host.$viewer) {
        return;
      }
      var canvas = host.$viewer.get('canvas');
      var registry = host.$viewer.get('elementRegistry');
      registry.getAll().forEach(function (e) { canvas.removeMarker(e.id, 'waymark-highlight'); });
      var element = registry.get(elementId);
      if (element) {
        canvas.addMarker(elementId, 'waymark-highlight');
        canvas.scrollToElement(element);
      }
    }
  };

  var style = document.createElement('style');
  style.textContent = '.waymark-highlight .djs-visual > :nth-child(1) { stroke: #d6334c !important; '
    + 'stroke-width: 4px !important; }';
  document.head.appendChild(style);
})();
