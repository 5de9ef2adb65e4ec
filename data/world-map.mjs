// Writes world-countries.json for the portal's map: world-atlas's Natural Earth country shapes
// (countries-110m, TopoJSON, public domain) with each country's ISO 3166-1 alpha-2 code beside its
// numeric id, since the registry names countries by alpha-2. Run: npm ci && node world-map.mjs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { iso31661 } from 'iso-3166';

const require = createRequire(import.meta.url);
const atlas = structuredClone(require('world-atlas/countries-110m.json'));
const alpha2 = new Map(iso31661.map((c) => [c.numeric, c.alpha2]));
// Natural Earth gives no numeric id to a few disputed areas; they are drawn, but belong to no country code.
const byName = { Kosovo: 'XK' };
for (const g of atlas.objects.countries.geometries) {
  g.properties.iso2 = alpha2.get(g.id) ?? byName[g.properties.name] ?? '';
}
delete atlas.objects.land;
fs.writeFileSync('world-countries.json', JSON.stringify(atlas));
const named = atlas.objects.countries.geometries.filter((g) => g.properties.iso2).length;
console.log(`world-countries.json: ${atlas.objects.countries.geometries.length} shapes, ${named} with an ISO code`);
