// `npm start` runs this first: it builds the API (`nest build`) only when a source or build
// setting is newer than the last build, and the portal (`npm run build:portal`) only when its
// sources, the served schema or a build setting are newer than its last build, so a fresh clone,
// built once by `npm ci` (the `prepare` script), starts without paying for a full compile on
// every start; likewise the embedded database's template (tools/build/pglite-template.mjs) when
// PGlite changed. `--portal` checks the portal only (the browser specs use it).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const API = {
  name: 'API',
  stamp: 'dist/apps/api/src/main.js',
  sources: ['apps', 'libs', 'tools'],
  settings: ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'],
  // The portal's own sources are TypeScript too, but the API build does not read them.
  skip: (path) => path.startsWith('apps/portal'),
  accepts: (path) => path.endsWith('.ts'),
  command: ['npx', ['nest', 'build']],
};

const PORTAL = {
  name: 'portal',
  stamp: 'dist/portal/index.html',
  sources: ['apps/portal/src', 'apps/portal/public', 'apps/portal/index.html'],
  settings: [
    'apps/api/schema.gql',
    'apps/portal/vite.config.mjs',
    'apps/portal/codegen.mjs',
    'apps/portal/tsconfig.json',
    'package-lock.json',
  ],
  // The generated operations are an output of the build, not a reason for one.
  skip: (path) => path.startsWith('apps/portal/src/gql'),
  accepts: () => true,
  command: ['npm', ['run', '--silent', 'build:portal']],
};

const PGLITE_TEMPLATE = {
  name: 'embedded database template',
  stamp: 'dist/pglite/initdb.tar.gz',
  sources: [],
  // Made by the installed PGlite, so it follows package-lock.json.
  settings: ['package-lock.json'],
  skip: () => false,
  accepts: () => true,
  command: ['node', ['tools/build/pglite-template.mjs']],
};

function newestIn(path, target, top) {
  if (target.skip(path)) return 0;
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return top || target.accepts(path) ? stat.mtimeMs : 0;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestIn(join(path, entry), target, false)),
    0,
  );
}

function buildIfStale(target) {
  const built = statSync(target.stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const changed = Math.max(
    0,
    ...target.sources.map((path) => newestIn(path, target, false)),
    ...target.settings.map((path) => newestIn(path, target, true)),
  );
  if (changed <= built) return 0;
  process.stdout.write(`Building the ${target.name} (sources changed since the last build)…\n`);
  const [command, args] = target.command;
  const status = spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
  // An incremental build leaves unchanged outputs (the stamp among them) as they were; the build
  // is current now all the same, or every later start would build again.
  if (status === 0) {
    const now = new Date();
    utimesSync(target.stamp, now, now);
  }
  return status;
}

const targets = process.argv.includes('--portal') ? [PORTAL] : [API, PORTAL, PGLITE_TEMPLATE];
for (const target of targets) {
  const status = buildIfStale(target);
  if (status !== 0) process.exit(status);
}
