#!/usr/bin/env python3
"""serve-browser.py — drive `docket serve`'s page in headless Chromium
(Selenium, Debian's chromium-driver) and print TAP lines; run by
t-serve-browser.sh, which starts the servers.

Usage: serve-browser.py URL HOSTILE_URL SCREENSHOT_DIR

Covers: search from the box (query in the URL), highlights, a facet
clicked to keep then again to leave out, opening a passage in its article
with highlights, the back button, the keys (/ j k arrows Enter Esc ?), the
copy buttons, the page with JavaScript off, the hostile corpus (no script
runs, no injected element, no javascript: link), an accessibility check
computed in the page (every control named, text contrast >= 4.5:1 in light
and dark, a visible focus ring), phone width, no CSP violation, and a
screenshot of the results page.
"""
import os
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

URL, HOSTILE, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
n = 0
failed = 0


def tap(good, what, why=""):
    global n, failed
    n += 1
    if not good:
        failed += 1
    print(("ok %d - %s" if good else "not ok %d - %s") % (n, what), flush=True)
    if not good and why:
        for line in str(why).splitlines()[:5]:
            print("#   " + line, flush=True)


def browser(js=True):
    o = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 "--window-size=1200,900",
                 "--user-data-dir=" + os.path.join(SHOTS, "chromium-%s-%d" % (js, os.getpid()))):
        o.add_argument(flag)
    o.binary_location = "/usr/bin/chromium"
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not js:
        o.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.set_page_load_timeout(30)
    return d


def wait(d, cond, secs=10):
    """Wait (bounded) until COND(d) is true; returns whether it became so."""
    try:
        WebDriverWait(d, secs).until(lambda x: cond(x))
        return True
    except Exception:
        return False


def params(d):
    return urllib.parse.parse_qs(urllib.parse.urlparse(d.current_url).query)


def outlets(d):
    """The outlet of each hit, from its meta line."""
    return [m.text.split(" · ")[0] for m in d.find_elements(By.CSS_SELECTOR, ".hit .meta")]


def active(d):
    return d.switch_to.active_element


A11Y = r"""
function lum(c) {
  var m = c.match(/[\d.]+/g).map(Number);
  var a = m.slice(0, 3).map(function (v) { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2];
}
function bg(el) {
  for (; el; el = el.parentElement) {
    var c = getComputedStyle(el).backgroundColor;
    var m = c.match(/[\d.]+/g);
    if (m && (m.length < 4 || Number(m[3]) > 0.5)) return c;
  }
  return "rgb(255, 255, 255)";
}
var bad = [], checked = 0;
document.querySelectorAll("a, button, label, p, h1, h2, h3, li, mark, code, kbd, time, span, figcaption, dt, dd").forEach(function (el) {
  if (!el.offsetParent || !el.textContent.trim()) return;
  var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
  if (!own) return;
  var f = lum(getComputedStyle(el).color), b = lum(bg(el));
  var r = (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
  checked++;
  if (r < 4.5) bad.push(el.tagName + "." + el.className + " " + r.toFixed(2) + " " + el.textContent.trim().slice(0, 30));
});
var unnamed = [];
document.querySelectorAll("input:not([type=hidden]), button, select, textarea").forEach(function (el) {
  var name = el.getAttribute("aria-label") || (el.id && document.querySelector("label[for='" + el.id + "']")) ||
             el.textContent.trim() || el.getAttribute("title");
  if (!name) unnamed.push(el.outerHTML.slice(0, 60));
});
return {bad: bad, checked: checked, unnamed: unnamed, lang: document.documentElement.lang};
"""


def a11y(d, what):
    r = d.execute_script(A11Y)
    tap(r["checked"] > 20 and not r["bad"], "%s: text contrast >= 4.5:1 (%d elements)" % (what, r["checked"]),
        "\n".join(r["bad"]))
    tap(not r["unnamed"], "%s: every control has an accessible name" % what, "\n".join(r["unnamed"]))
    tap(r["lang"] == "en", "%s: the page names its language" % what)


def main():
    d = browser()
    try:
        run(d)
    finally:
        d.quit()
    d = browser(js=False)
    try:
        run_nojs(d)
    finally:
        d.quit()
    print("1..%d" % n)
    return 1 if failed else 0


def run(d):
    # ------------------------------------------------------ search
    d.get(URL + "/")
    box = d.find_element(By.ID, "q")
    box.send_keys("court" + Keys.ENTER)
    tap(wait(d, lambda x: x.find_elements(By.CSS_SELECTOR, ".hit")), "typing a query and Enter shows results")
    tap(params(d).get("q") == ["court"], "the query is in the URL (shareable)", d.current_url)
    marks = d.find_elements(By.CSS_SELECTOR, ".hit .snippet mark")
    tap(len(marks) > 0 and all(m.text.lower().startswith("court") for m in marks),
        "the snippets highlight the query's word", [m.text for m in marks][:5])
    tap(len(d.find_elements(By.CSS_SELECTOR, ".hit .pid code")) == len(d.find_elements(By.CSS_SELECTOR, ".hit")),
        "every result shows its passage id")
    tap(len(d.find_elements(By.CSS_SELECTOR, "svg[role=img] rect.bar")) > 0, "an inline SVG timeline")
    logs = [e for e in d.get_log("browser") if "Content Security Policy" in e.get("message", "")]
    tap(not logs, "the page breaks no rule of its Content-Security-Policy", logs)
    os.makedirs(SHOTS, exist_ok=True)
    d.save_screenshot(os.path.join(SHOTS, "serve-page.png"))
    tap(os.path.getsize(os.path.join(SHOTS, "serve-page.png")) > 10000, "a screenshot is saved (serve-page.png)")

    # --------------------------------------------- copy buttons
    buttons = d.find_elements(By.CSS_SELECTOR, ".hit:first-child button.copy")
    tap(len(buttons) == 3 and all(b.is_displayed() for b in buttons),
        "three copy buttons per result with script on (plain, Markdown, BibTeX)")
    cite = d.find_element(By.CSS_SELECTOR, ".hit:first-child .cite").text
    tap(buttons and buttons[0].get_attribute("data-cite") == cite, "the plain button holds the shown citation")
    if buttons:
        buttons[1].click()
        st = d.find_element(By.CSS_SELECTOR, ".hit:first-child .copied")
        tap(wait(d, lambda x: st.text != ""), "clicking a copy button reports the copy", st.text)
        tap(buttons[2].get_attribute("data-cite").startswith("@"), "the BibTeX button holds a BibTeX entry")

    # -------------------------------------------- accessibility (light)
    a11y(d, "light")
    d.execute_cdp_cmd("Emulation.setEmulatedMedia",
                      {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    dark_bg = d.execute_script("return getComputedStyle(document.body).backgroundColor")
    tap(dark_bg != "rgb(255, 255, 255)", "dark by the system setting", dark_bg)
    a11y(d, "dark")
    d.execute_cdp_cmd("Emulation.setEmulatedMedia",
                      {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    body = d.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    body = active(d)
    ring = d.execute_script("var s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", body)
    tap(ring[0] != "none" and float(ring[1].rstrip("px") or 0) >= 2, "focus is visible (an outline of 2px or more)", ring)

    # ---------------------------------------------------- facets
    first = d.find_element(By.CSS_SELECTOR, ".facets ul li a.facet")
    value = first.text.rsplit(" ", 1)[0]
    first.click()
    tap(wait(d, lambda x: "f" in params(x)), "clicking a facet keeps it (f= in the URL)", d.current_url)
    got = outlets(d)
    tap(got and all(o == value for o in got), "every hit is then of %s" % value, got)
    kept = d.find_element(By.CSS_SELECTOR, "a.facet.keep")
    tap(kept.get_attribute("aria-pressed") == "true", "the kept value says it is pressed")
    kept.click()
    tap(wait(d, lambda x: "x" in params(x)), "clicking it again leaves it out (x= in the URL)", d.current_url)
    got = outlets(d)
    tap(got and value not in got, "no hit is of %s any more" % value, got)
    d.find_element(By.CSS_SELECTOR, "a.facet.drop").click()
    tap(wait(d, lambda x: "x" not in params(x) and "f" not in params(x)), "a third click clears it")

    # ------------------------------------- open a passage; back
    d.get(URL + "/?q=court")
    link = d.find_element(By.CSS_SELECTOR, ".hit:first-child a.open")
    link.click()
    tap(wait(d, lambda x: "/passage/" in x.current_url), "a result's link opens its passage")
    focus = d.find_elements(By.CSS_SELECTOR, "#focus.passage.focus")
    tap(len(focus) == 1 and len(d.find_elements(By.CSS_SELECTOR, ".passage")) > 1,
        "the passage is marked within its whole article")
    tap(len(d.find_elements(By.CSS_SELECTOR, ".passage mark")) > 0, "the highlights are kept in the article")
    d.back()
    tap(wait(d, lambda x: x.find_elements(By.CSS_SELECTOR, ".hit") and "/passage/" not in x.current_url),
        "the back button returns to the results", d.current_url)

    # ---------------------------------------------------- keys
    d.get(URL + "/?q=court")
    body = d.find_element(By.TAG_NAME, "body")
    body.send_keys("/")
    tap(active(d).get_attribute("id") == "q", "/ focuses the search box")
    active(d).send_keys(Keys.ESCAPE)
    tap(active(d).get_attribute("id") != "q", "Esc leaves the search box")
    hits = d.find_elements(By.CSS_SELECTOR, ".hit")
    d.find_element(By.TAG_NAME, "body").send_keys("j")
    tap("current" in hits[0].get_attribute("class") and active(d).get_attribute("class") == "open",
        "j moves to the first result (its link focused)")
    active(d).send_keys("j")
    tap("current" in hits[1].get_attribute("class"), "j again moves to the second")
    active(d).send_keys("k")
    tap("current" in hits[0].get_attribute("class"), "k moves back up")
    active(d).send_keys(Keys.ARROW_DOWN)
    tap("current" in hits[1].get_attribute("class"), "the down arrow moves too")
    active(d).send_keys(Keys.ARROW_UP)
    tap("current" in hits[0].get_attribute("class"), "and the up arrow")
    active(d).send_keys("?")
    keys = d.find_element(By.ID, "keys")
    tap(keys.is_displayed() and "Enter" in keys.text, "? lists the keys")
    active(d).send_keys(Keys.ESCAPE)
    tap(not keys.is_displayed(), "Esc closes the list")
    d.find_element(By.TAG_NAME, "body").send_keys("j")
    active(d).send_keys(Keys.ENTER)
    tap(wait(d, lambda x: "/passage/" in x.current_url), "Enter opens the current result")
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    tap(wait(d, lambda x: "/passage/" not in x.current_url and x.find_elements(By.CSS_SELECTOR, ".hit")),
        "Esc goes back to the results", d.current_url)

    # ------------------------------------------------ phone width
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    d.get(URL + "/?q=court")
    over = d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    tap(over <= 1, "at phone width (375 px) nothing scrolls sideways", over)
    first = d.execute_script("return document.querySelector('.hit').getBoundingClientRect().top <"
                             " document.querySelector('.facets').getBoundingClientRect().top")
    tap(first, "at phone width the results come before the filters")
    d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # ------------------------------------------------ hostile corpus
    d.get(HOSTILE + "/?q=hostileword")
    time.sleep(0.2)
    try:
        d.switch_to.alert
        alerted = True
    except NoAlertPresentException:
        alerted = False
    tap(not alerted, "hostile corpus: no script of an article runs")
    tap(not d.find_elements(By.CSS_SELECTOR, "main img, main script, main b"),
        "hostile corpus: no element from an article")
    tap("<script>" in d.find_element(By.CSS_SELECTOR, ".hit .title").text or
        any("<script>" in t.text for t in d.find_elements(By.CSS_SELECTOR, ".hit .title")),
        "hostile corpus: the markup shows as text")
    tap(d.execute_script("return document.querySelectorAll('script').length") == 1,
        "hostile corpus: the one script is the page's own")
    d.find_element(By.XPATH, "//a[@class='open'][contains(., 'alert')]").click()
    wait(d, lambda x: "/passage/" in x.current_url)
    hrefs = [a.get_attribute("href") or "" for a in d.find_elements(By.TAG_NAME, "a")]
    tap(not any(h.lower().startswith("javascript:") for h in hrefs), "hostile passage: no javascript: link", hrefs)
    tap(not d.find_elements(By.CSS_SELECTOR, "main img, main script, main b"), "hostile passage: no element from it")


def run_nojs(d):
    d.get(URL + "/?q=court")
    tap(len(d.find_elements(By.CSS_SELECTOR, ".hit")) > 0, "script off: the results are there (server-rendered)")
    tap(len(d.find_elements(By.CSS_SELECTOR, ".hit .snippet mark")) > 0, "script off: with highlights")
    tap(not any(b.is_displayed() for b in d.find_elements(By.CSS_SELECTOR, "button.copy")),
        "script off: no copy button that could not work; the citation is text")
    d.find_element(By.CSS_SELECTOR, ".facets a.facet").click()
    tap(wait(d, lambda x: "f" in params(x)), "script off: facets still filter")
    box = d.find_element(By.ID, "q")
    box.clear()
    box.send_keys("appeal" + Keys.ENTER)
    tap(wait(d, lambda x: params(x).get("q") == ["appeal"]), "script off: the form searches")
    d.find_element(By.CSS_SELECTOR, ".hit a.open").click()
    tap(wait(d, lambda x: x.find_elements(By.CSS_SELECTOR, "#focus")), "script off: a passage opens in its article")


if __name__ == "__main__":
    sys.exit(main())
