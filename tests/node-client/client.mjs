// A partner's system (Liverpool City Council, say) calling Paradiplomacy through the gateway's gRPC
// port with its API key, using only the .proto files in contracts/. Prints one JSON line per call.
// Environment: GATEWAY_GRPC (host:port), API_KEY, CITY_ID (the key's own city), PROTO_INCLUDE
// (extra include folders for google/api and google/type, separated by ':').
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const contracts = path.resolve(here, '../../contracts');
const includeDirs = [contracts, ...(process.env.PROTO_INCLUDE ?? '').split(':').filter(Boolean)];
const definition = protoLoader.loadSync(['registry/v1/registry.proto', 'agreements/v1/agreements.proto'], {
  includeDirs, keepCase: false, longs: String, enums: String, defaults: true, oneofs: true,
});
const proto = grpc.loadPackageDefinition(definition).paradiplomacy;
const target = process.env.GATEWAY_GRPC;
const registry = new proto.registry.v1.CityRegistry(target, grpc.credentials.createInsecure());
const agreements = new proto.agreements.v1.Agreements(target, grpc.credentials.createInsecure());
const metadata = new grpc.Metadata();
metadata.set('x-api-key', process.env.API_KEY);

const call = (client, method, request) => new Promise((resolve) => {
  client[method](request, metadata, { deadline: Date.now() + 15000 }, (error, response) =>
    resolve(error ? { method, code: error.code, message: error.details } : { method, code: 0, response }));
});

const results = [];
const search = await call(registry, 'listCities', { query: 'kyoto', pageSize: 3 });
results.push({ method: search.method, code: search.code, ids: search.response?.cities.map((c) => c.id) });
const update = await call(registry, 'updateCityProfile', {
  id: process.env.CITY_ID,
  profile: { traits: ['port_city', 'creative_city'] },
  updateMask: { paths: ['traits'] },
});
results.push({ method: update.method, code: update.code, traits: update.response?.profile.traits });
const other = await call(registry, 'updateCityProfile', { id: 'idn-35.78', profile: { traits: ['coastal'] }, updateMask: { paths: ['traits'] } });
results.push({ method: 'updateOtherCity', code: other.code, message: other.message });
const draft = await call(agreements, 'createAgreement', { agreement: { title: 'x' } });
results.push({ method: draft.method, code: draft.code, message: draft.message });
for (const r of results) console.log(JSON.stringify(r));
