// Builds src/eventdesk/web/static/vendor/ from the npm packages pinned in package-lock.json:
// vendor.js (Leaflet and topojson-client as one ES module), Leaflet's CSS and images,
// the offline basemap (Natural Earth country outlines from world-atlas, 1:50m), and Swagger UI
// for the API's /docs page.
// Run: npm ci && npm run build   (then commit the output; the Python package serves it as is)
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";

const out = "../src/eventdesk/web/static/vendor";
mkdirSync(`${out}/images`, { recursive: true });
await build({
  entryPoints: ["vendor.js"], bundle: true, format: "esm", minify: true,
  outfile: `${out}/vendor.js`, legalComments: "eof", target: "es2020",
});
copyFileSync("node_modules/leaflet/dist/leaflet.css", `${out}/leaflet.css`);
for (const f of readdirSync("node_modules/leaflet/dist/images")) {
  copyFileSync(`node_modules/leaflet/dist/images/${f}`, `${out}/images/${f}`);
}
copyFileSync("node_modules/world-atlas/countries-50m.json", `${out}/countries-50m.json`);
mkdirSync(`${out}/swagger`, { recursive: true });
for (const f of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) {
  copyFileSync(`node_modules/swagger-ui-dist/${f}`, `${out}/swagger/${f}`);
}
const stamp = createHash("sha256");
for (const f of ["package.json", "package-lock.json", "vendor.js", "build.mjs"]) stamp.update(readFileSync(f));
writeFileSync(`${out}/STAMP`, stamp.digest("hex") + "\n");
