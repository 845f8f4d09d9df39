// Latent-evolution animations of the report: every .evo block names its data (window.anchorSweepEvolution[id],
// loaded from anim/<id>.js); a play/pause button and a slider step through the snapshots, the canvas shows each run's
// views at the current snapshot and a marker on each run's timeline picture shows the step.
(function () {
  var store = window.anchorSweepEvolution || {};
  document.querySelectorAll('.evo').forEach(function (root) {
    var data = store[root.getAttribute('data-evo')];
    if (!data) return;
    var slider = root.querySelector('.evo-slider');
    var button = root.querySelector('.evo-play');
    var label = root.querySelector('.evo-step');
    var canvases = root.querySelectorAll('canvas.evo-latents');
    var markers = root.querySelectorAll('.evo-marker');
    var timer = null;

    function drawLatents(canvas, run, f) {
      var ctx = canvas.getContext('2d');
      var scale = canvas.width / data.width;
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, data.width, data.height);
      run.views.forEach(function (view, v) {
        var x0 = v * (data.view + data.gap), size = data.view, points = run.frames[f][v];
        ctx.strokeStyle = '#e5e7eb';
        ctx.lineWidth = 1;
        ctx.beginPath();
        if (view.ox > 0 && view.ox < 1) { ctx.moveTo(x0 + view.ox * size, 0); ctx.lineTo(x0 + view.ox * size, size); }
        if (view.oy > 0 && view.oy < 1) { ctx.moveTo(x0, size - view.oy * size); ctx.lineTo(x0 + size, size - view.oy * size); }
        ctx.stroke();
        for (var i = 0; i < run.colors.length; i++) {
          var u = points[2 * i], w = points[2 * i + 1];
          if (u < 0 || w < 0) continue;
          ctx.fillStyle = run.colors[i];
          ctx.fillRect(x0 + u / 1000 * size - 1.1, size - w / 1000 * size - 1.1, 2.2, 2.2);
        }
        ctx.strokeStyle = '#d1d5db';
        ctx.strokeRect(x0 + 0.5, 0.5, size - 1, size - 1);
        ctx.fillStyle = '#1f2937';
        ctx.font = '11px sans-serif';
        ctx.fillText(view.label, x0 + 4, 13);
      });
    }

    function draw(k) {
      var step = data.steps[k];
      label.textContent = 'step ' + step.toLocaleString('en');
      root.setAttribute('data-step', String(step));
      data.runs.forEach(function (run, i) {
        var f = run.frameAt[k], m = run.marker;
        drawLatents(canvases[i], run, f);
        var t = Math.max(0, Math.min(1, (step - m.x0) / (m.x1 - m.x0)));
        markers[i].style.left = (100 * (m.left + t * m.width)) + '%';
        markers[i].style.top = (100 * m.top) + '%';
        markers[i].style.height = (100 * m.height) + '%';
        markers[i].setAttribute('data-step', String(step));
        markers[i].setAttribute('data-snapshot', String(run.steps[f]));
        markers[i].title = 'step ' + step.toLocaleString('en');
        canvases[i].setAttribute('data-snapshot', String(run.steps[f]));
      });
    }

    function stop() {
      if (timer) clearInterval(timer);
      timer = null;
      button.textContent = '\u25B6 play';
      button.setAttribute('aria-pressed', 'false');
    }

    function play() {
      if (+slider.value >= data.steps.length - 1) slider.value = 0;
      draw(+slider.value);
      button.textContent = '\u275A\u275A pause';
      button.setAttribute('aria-pressed', 'true');
      timer = setInterval(function () {
        var k = +slider.value + 1;
        if (k >= data.steps.length) { stop(); return; }
        slider.value = k;
        draw(k);
      }, data.delay);
    }

    slider.addEventListener('input', function () { stop(); draw(+slider.value); });
    button.addEventListener('click', function () { if (timer) stop(); else play(); });
    draw(+slider.value);
  });
})();
