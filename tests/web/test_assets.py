"""The dashboard's files: the vendor bundle matches its npm sources, the page links only files
that exist, and the app's code never turns text into HTML."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STATIC = REPO / "src/eventdesk/web/static"


def test_vendor_bundle_was_built_from_the_pinned_packages():
    digest = hashlib.sha256()
    for name in ("package.json", "package-lock.json", "vendor.js", "build.mjs"):
        digest.update((REPO / "web" / name).read_bytes())
    stamp = (STATIC / "vendor/STAMP").read_text().strip()
    assert stamp == digest.hexdigest(), "web/ changed: run `make web` and commit the output"


def test_the_page_links_only_files_that_exist():
    html = (STATIC / "index.html").read_text()
    links = re.findall(r'(?:href|src)="/static/([^"]+)"', html)
    imports = [m for js in (STATIC / "js").glob("*.js")
               for m in re.findall(r'from "/static/([^"]+)"', js.read_text())]  # fmt: skip
    assert links and imports
    for path in [*links, *imports, "vendor/countries-50m.json", "basemap/provinces.json"]:
        assert (STATIC / path).is_file(), path


def test_app_code_never_parses_text_as_html():
    risky = re.compile(
        r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function"
    )
    for js in (STATIC / "js").glob("*.js"):
        assert not risky.search(js.read_text()), js.name
