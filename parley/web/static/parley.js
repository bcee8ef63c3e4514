// parley's pages work without this file; it adds conveniences. No data is ever turned into
// code or markup here: it only reads form values and toggles classes and attributes.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // filter forms submit when a choice changes
  for (const form of document.querySelectorAll("form[data-autosubmit]")) {
    for (const field of form.querySelectorAll("select, input[type=date]")) {
      field.addEventListener("change", () => form.requestSubmit());
    }
  }

  // the time axis: zoom and pan by changing the SVG's viewBox
  const axis = document.getElementById("axis");
  if (axis) {
    let width = 1000;
    const pan = document.getElementById("pan");
    const draw = () => {
      const left = Math.min(Number(pan.value), 1000 - width);
      axis.setAttribute("viewBox", `${left} 0 ${width} 90`);
    };
    document.getElementById("zoom-in").addEventListener("click", () => { width = Math.max(60, width / 2); draw(); });
    document.getElementById("zoom-out").addEventListener("click", () => { width = Math.min(1000, width * 2); draw(); });
    pan.addEventListener("input", draw);
  }

  // the document page: show or hide each layer's highlights
  const text = document.getElementById("text");
  for (const toggle of document.querySelectorAll(".layer-toggle")) {
    toggle.addEventListener("change", () => text.classList.toggle(`hide-${toggle.value}`, !toggle.checked));
  }
});
