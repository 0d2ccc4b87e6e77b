/* The reports page's charts: each .chart holds its ECharts option as JSON (data-chart), money
   in yuan; the same figures are in the table below it. Charts follow their box's width. */
(function () {
  "use strict";
  function yuan(value) {
    return "¥" + Number(value).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  document.querySelectorAll(".chart[data-chart]").forEach(function (box) {
    var option = JSON.parse(box.getAttribute("data-chart"));
    option.animation = false;
    option.tooltip = Object.assign({ valueFormatter: yuan, confine: true }, option.tooltip || {});
    var chart = echarts.init(box, null, { renderer: "canvas" });
    chart.setOption(option);
    box.setAttribute("data-rendered", "1");
    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.resize(); }).observe(box);
    } else {
      window.addEventListener("resize", function () { chart.resize(); });
    }
  });
})();
