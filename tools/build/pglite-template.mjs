// Writes dist/pglite/initdb.tar.gz: a freshly initialised PGlite data directory, which a new
// embedded database (`npm start` on a fresh ./var, each jest worker's in-memory database) loads in
// about a second instead of running initdb in WebAssembly (see PGLITE_TEMPLATE in
// libs/event-sourcing/src/database/embedded-postgres.ts). `npm ci` and `npm run build` run it;
// `npm start` runs it again when package-lock.json is newer (tools/build/build-if-stale.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const TEMPLATE = 'dist/pglite/initdb.tar.gz';

const db = await PGlite.create({ extensions: { pg_trgm } });
const tarball = await db.dumpDataDir('gzip');
await db.close();
mkdirSync(dirname(TEMPLATE), { recursive: true });
writeFileSync(TEMPLATE, Buffer.from(await tarball.arrayBuffer()));
