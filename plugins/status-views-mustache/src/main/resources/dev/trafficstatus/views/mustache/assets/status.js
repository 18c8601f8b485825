/*
 * Traffic Status page: progressive enhancement only. The page is complete without this file;
 * each square already carries its figures as its title, which is also its accessible name. This
 * script shows them in a styled tooltip on hover, keyboard focus or tap, and lets arrow keys walk
 * along a row.
 *
 * It reads the title's text and writes it with textContent, never as markup, and sets no inline
 * style attribute (positions go through the CSSOM, which the page's CSP allows).
 */
(function () {
  "use strict";

  var SEPARATOR = " \u00b7 ";
  var tip = null;
  var current = null;

  function stateClass(square) {
    for (var i = 0; i < square.classList.length; i++) {
      var name = square.classList[i];
      if (name.indexOf("state-") === 0) {
        return name;
      }
    }
    return "state-nodata";
  }

  function paragraph(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function show(square) {
    var text = square.getAttribute("title");
    if (!text) {
      return;
    }
    hide();
    current = square;
    // The native tooltip would show the same text a second time; while it is off, aria-label
    // keeps the square's accessible name.
    square.setAttribute("data-title", text);
    square.setAttribute("aria-label", text);
    square.removeAttribute("title");

    var parts = text.split(SEPARATOR);
    tip.textContent = "";
    tip.appendChild(paragraph("tip-date", parts[0]));
    if (parts.length > 1) {
      var state = paragraph("tip-line", "");
      var badge = document.createElement("span");
      badge.className = "tip-state " + stateClass(square);
      badge.textContent = parts[1];
      state.appendChild(badge);
      tip.appendChild(state);
    }
    for (var i = 2; i < parts.length; i++) {
      tip.appendChild(paragraph("tip-line", parts[i]));
    }
    tip.hidden = false;

    var box = square.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = box.left + window.scrollX + box.width / 2 - width / 2;
    var maxLeft = window.scrollX + document.documentElement.clientWidth - width - 8;
    left = Math.max(window.scrollX + 8, Math.min(left, maxLeft));
    tip.style.left = left + "px";
    tip.style.top = box.bottom + window.scrollY + 8 + "px";
  }

  function hide() {
    if (current) {
      if (current.hasAttribute("data-title")) {
        current.setAttribute("title", current.getAttribute("data-title"));
        current.removeAttribute("data-title");
        current.removeAttribute("aria-label");
      }
      current = null;
    }
    if (tip) {
      tip.hidden = true;
    }
  }

  function squareOf(target) {
    return target && target.closest ? target.closest(".days .day") : null;
  }

  function move(square, step) {
    var next = step > 0 ? square.nextElementSibling : square.previousElementSibling;
    if (next) {
      square.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  }

  function init() {
    tip = document.createElement("div");
    tip.className = "tip";
    tip.setAttribute("role", "tooltip");
    tip.setAttribute("aria-hidden", "true");
    tip.hidden = true;
    document.body.appendChild(tip);

    // One tab stop per row, on its newest day; arrow keys move within the row.
    var rows = document.querySelectorAll(".days");
    for (var r = 0; r < rows.length; r++) {
      var squares = rows[r].querySelectorAll(".day");
      if (squares.length > 0) {
        squares[squares.length - 1].tabIndex = 0;
      }
    }

    document.addEventListener("mouseover", function (event) {
      var square = squareOf(event.target);
      if (square && square !== current) {
        show(square);
      } else if (!square && current) {
        hide();
      }
    });
    document.addEventListener("focusin", function (event) {
      var square = squareOf(event.target);
      if (square) {
        show(square);
      }
    });
    document.addEventListener("focusout", hide);
    document.addEventListener("click", function (event) {
      // Touch screens send mouseover just before click, so a tap always shows, never toggles.
      var square = squareOf(event.target);
      if (square) {
        show(square);
      } else {
        hide();
      }
    });
    document.addEventListener("keydown", function (event) {
      var square = squareOf(event.target);
      if (event.key === "Escape") {
        hide();
      } else if (square && event.key === "ArrowRight") {
        event.preventDefault();
        move(square, 1);
      } else if (square && event.key === "ArrowLeft") {
        event.preventDefault();
        move(square, -1);
      }
    });
    window.addEventListener("scroll", hide, { passive: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
