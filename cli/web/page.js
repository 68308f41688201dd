// page.js — what script adds to docket serve's page (cli/web-page.c); the
// page works without it.  Keys: "/" focuses the search box, j/k or the
// arrows move between results, Enter opens one (its link), Esc goes back
// (or closes the key list), "?" shows the keys.  Copy buttons put a
// citation on the clipboard.  Loaded from /static/, never inline (the
// Content-Security-Policy forbids inline script).
(function () {
	"use strict";
	var current = -1;

	function hits() {
		return Array.prototype.slice.call(document.querySelectorAll(".hit"));
	}

	function typing(e) {
		var t = e.target;
		return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
	}

	function move(by) {
		var all = hits();
		if (!all.length)
			return;
		if (current >= 0 && all[current])
			all[current].classList.remove("current");
		current = Math.max(0, Math.min(all.length - 1, current + by));
		all[current].classList.add("current");
		var link = all[current].querySelector("a.open");
		if (link)
			link.focus();
		all[current].scrollIntoView({block: "nearest"});
	}

	function toggleKeys(show) {
		var k = document.getElementById("keys");
		if (!k)
			return;
		k.hidden = show === undefined ? !k.hidden : !show;
		if (!k.hidden)
			document.getElementById("keys-close").focus();
	}

	function copy(button) {
		var text = button.getAttribute("data-cite");
		var status = button.parentNode.querySelector(".copied");
		function done(ok) {
			if (status)
				status.textContent = ok ? "Copied." : "Copy failed: select the citation above.";
		}
		if (navigator.clipboard && window.isSecureContext) {
			navigator.clipboard.writeText(text).then(function () { done(true); },
				function () { done(fallback(text)); });
		} else {
			done(fallback(text));
		}
	}

	function fallback(text) {
		var area = document.createElement("textarea");
		area.value = text;
		area.setAttribute("readonly", "");
		area.className = "skip";
		document.body.appendChild(area);
		area.select();
		var ok = false;
		try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
		document.body.removeChild(area);
		return ok;
	}

	document.addEventListener("keydown", function (e) {
		if (e.ctrlKey || e.metaKey || e.altKey)
			return;
		var keys = document.getElementById("keys");
		if (e.key === "Escape") {
			if (keys && !keys.hidden) {
				toggleKeys(false);
			} else if (typing(e)) {
				e.target.blur();
			} else if (document.querySelector("article") && history.length > 1) {
				history.back();
			}
			return;
		}
		if (typing(e))
			return;
		if (e.key === "/") {
			e.preventDefault();
			var q = document.getElementById("q");
			q.focus();
			q.select();
		} else if (e.key === "?") {
			e.preventDefault();
			toggleKeys();
		} else if (e.key === "j" || e.key === "ArrowDown") {
			if (hits().length) {
				e.preventDefault();
				move(1);
			}
		} else if (e.key === "k" || e.key === "ArrowUp") {
			if (hits().length) {
				e.preventDefault();
				move(-1);
			}
		}
	});

	document.addEventListener("DOMContentLoaded", function () {
		document.querySelectorAll("button.copy").forEach(function (b) {
			b.hidden = false;
			b.addEventListener("click", function () { copy(b); });
		});
		var close = document.getElementById("keys-close");
		if (close)
			close.addEventListener("click", function () { toggleKeys(false); });
		var focus = document.getElementById("focus");
		if (focus) {
			focus.scrollIntoView({block: "center"});
			focus.focus({preventScroll: true});
		}
		document.documentElement.classList.add("js");
	});
})();
