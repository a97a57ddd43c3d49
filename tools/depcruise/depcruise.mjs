// Runs the project's dependency rules: `node tools/depcruise/depcruise.mjs apps libs tools`.
// dependency-cruiser's own command line refuses Node 20 (its engines say ^22), which this
// project runs on; its API works on Node 20, so this calls the API the way the command would.
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const paths = process.argv.slice(2);
if (paths.length === 0) {
  process.stderr.write('usage: depcruise.mjs <folder>...\n');
  process.exit(2);
}

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const { output, exitCode } = await cruise(
  paths,
  { ...options, outputType: 'err-long' },
  {},
  { tsConfig: extractTSConfig(options.tsConfig.fileName) },
);
process.stdout.write(String(output));
process.exitCode = exitCode;
