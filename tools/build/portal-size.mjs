// Prints the gzipped size of the JavaScript the portal's first page loads (the entry script
// and the chunks it preloads, as index.html names them) and fails above the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const directory = 'dist/portal';
const html = readFileSync(join(directory, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
].map((match) => match[1]);
const sizes = scripts.map((src) => gzipSync(readFileSync(join(directory, src))).length);
const total = sizes.reduce((sum, size) => sum + size, 0) / 1024;
process.stdout.write(
  `portal: initial JavaScript ${total.toFixed(1)} kB gzipped (${scripts.length} file(s); budget ${BUDGET_KB} kB)\n`,
);
if (scripts.length === 0 || total > BUDGET_KB) process.exit(1);
