"""The dashboard's static files (static/): the page, its ES modules (js/), styles (css/), and
the third-party bundle and offline basemap (vendor/, built from npm by web/build.mjs)."""
