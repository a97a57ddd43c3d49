// `npm start` runs this first: it builds (`nest build`) only when a source or build setting is
// newer than the last build, so a fresh clone, built once by `npm ci` (the `prepare` script),
// starts without paying for a full type-checked compile on every start.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/apps/api/src/main.js';
const SOURCES = ['apps', 'libs', 'tools'];
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'];

function newestIn(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return path.endsWith('.ts') || !path.includes('/') ? stat.mtimeMs : 0;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestIn(join(path, entry))),
    0,
  );
}

const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const changed = Math.max(...SOURCES.map(newestIn), ...SETTINGS.map(newestIn));
if (changed > built) {
  process.stdout.write('Building (sources changed since the last build)…\n');
  const result = spawnSync('npx', ['nest', 'build'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
