"""The gazetteer's SQLite schema (written by build.py, read by store.py)."""

from __future__ import annotations

SCHEMA_VERSION = 4  # 4: places.seat

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    ascii TEXT NOT NULL,
    country_iso2 TEXT NOT NULL,
    country_iso3 TEXT,
    admin1_code_iso TEXT,      -- ISO 3166-2, e.g. 'IQ-DQ'
    admin1_name TEXT,
    admin2_name TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature TEXT NOT NULL,     -- city, admin1, admin2, region, country, continent, base, airport
    population INTEGER NOT NULL,
    clat REAL NOT NULL,        -- an area's central point (a town's own point)
    clon REAL NOT NULL,
    own_point INTEGER NOT NULL, -- 1: the place's own point; 0: a nearby town's (a register village)
    seat INTEGER NOT NULL      -- 1: a town listed as the seat of an administrative division
);
CREATE TABLE names (
    name TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES places(id),
    lang TEXT NOT NULL,        -- 'en', 'fr', 'ar', or '' when the source does not say
    is_preferred INTEGER NOT NULL  -- 1: a main name (preferred, or en/fr/ar); 0: an alternate
);
CREATE TABLE demonyms (name_folded TEXT NOT NULL, country_iso3 TEXT NOT NULL, lang TEXT NOT NULL);
-- The in-memory lookup structures, marshalled at build time so that opening takes a second:
-- 'index' {folded name: place id or tuple of ids}, 'columns' [one list per places column,
-- indexed by id], 'countries' {folded country name or adjective: iso3}.
CREATE TABLE blobs (name TEXT PRIMARY KEY, python TEXT NOT NULL, data BLOB NOT NULL);
CREATE VIRTUAL TABLE names_fts USING fts5(name_folded, content='names', content_rowid='rowid');
CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
"""

COLUMNS = (
    "geonameid", "name", "ascii", "country_iso2", "country_iso3", "admin1_code_iso",
    "admin1_name", "admin2_name", "lat", "lon", "feature", "population", "clat", "clon", "own_point",
    "seat",
)  # fmt: skip
