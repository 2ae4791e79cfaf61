// The dashboard's third-party code, bundled by build.mjs into one ES module.
export { default as L } from "leaflet";
export { feature, mesh } from "topojson-client";
