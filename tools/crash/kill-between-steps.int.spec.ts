import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, type TestSchema } from '@test/database';
import type { ConsistencyReport } from './registry-consistency';

/**
 * The steps of a command's write path where the child is killed (kill -9), in order: after the
 * preparation (validation, 申込ID, sealing), after the decision, inside the append transaction
 * after BEGIN and after each of its two parts (the application's stream and the point's), and
 * after the commit, before the read-your-writes wait and the answer.
 */
const KILL_STEPS = [
  'prepared',
  'decided',
  'transaction begun',
  'part 1 of 2 appended',
  'part 2 of 2 appended',
  'appended',
] as const;

const CHILD = join(process.cwd(), 'dist/tools/crash/crash-child.js');
// One child start opens the contexts (PGlite: the data directory) on a machine shared by others.
const CHILD_TIMEOUT_MS = 180_000;

type Message =
  | { type: 'restarted'; report: ConsistencyReport }
  | { type: 'reached'; step: string }
  | { type: 'finished'; steps: string[] };

interface Storage {
  readonly environment: NodeJS.ProcessEnv;
  dispose(): Promise<void>;
}

function pgliteDirectory(): Storage {
  const root = mkdtempSync(join(tmpdir(), 'crash-'));
  return {
    environment: { CRASH_ROOT: root },
    dispose: async () => rmSync(root, { recursive: true, force: true }),
  };
}

async function serverSchema(url: string): Promise<Storage> {
  const schema: TestSchema = await createTestSchema({ kind: 'postgres', url }, 1);
  return {
    environment: { DATABASE_URL: url, DATABASE_SCHEMA: schema.schema, DATABASE_POOL_SIZE: '4' },
    dispose: () => schema.dispose(),
  };
}

let serial = 0;

/** Runs one child to its end, or to `killAt` where it is killed; resolves with what it said. */
function runChild(
  storage: Storage,
  key: string,
  scenario: 'check' | 'submit' | 'complete',
  killAt?: string,
): Promise<{
  restarted: ConsistencyReport;
  reached?: string;
  finished?: string[];
  signal: string | null;
}> {
  serial += 1;
  const child: ChildProcess = fork(CHILD, [], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PII_MASTER_KEY: key,
      CRASH_SCENARIO: scenario,
      CRASH_AT_STEP: killAt ?? '',
      CRASH_POINT_ID: `031011${String(Date.now() % 1e9).padStart(10, '0')}${String(serial).padStart(6, '0')}`,
      ...storage.environment,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const said: { restarted?: ConsistencyReport; reached?: string; finished?: string[] } = {};
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('message', (message: Message) => {
      if (message.type === 'restarted') said.restarted = message.report;
      if (message.type === 'finished') said.finished = message.steps;
      if (message.type === 'reached') {
        said.reached = message.step;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!said.restarted || (code !== 0 && !said.reached))
        reject(new Error(`child ${scenario}@${killAt} ended ${code ?? signal}: ${stderr}`));
      else resolve({ restarted: said.restarted, ...said, signal });
    });
  });
}

const targets: [string, () => Promise<Storage>][] = [
  ['PGlite (a data directory)', async () => pgliteDirectory()],
];
const server = process.env.TEST_DATABASE_URL;
if (server) targets.push(['PostgreSQL', () => serverSchema(server)]);

describe.each(targets)('kill -9 between the steps of a command, on %s', (_name, open) => {
  let storage: Storage;
  const key = randomBytes(32).toString('base64');

  beforeAll(() => {
    // The child runs the compiled tools, as `npm run cli` does.
    execFileSync(process.execPath, ['tools/build/build-if-stale.mjs'], { stdio: 'ignore' });
  }, 600_000);
  beforeEach(async () => {
    storage = await open();
  });
  afterEach(async () => storage?.dispose());

  it.each(['submit', 'complete'] as const)(
    'MTR-2: after a kill at every step of a %s, the restarted registry and applications agree',
    async (scenario) => {
      const done = await runChild(storage, key, scenario);
      // The steps it kills at are the steps a whole run passes, in that order.
      expect(done.finished).toEqual([...KILL_STEPS, 'answered']);
      const status = scenario === 'submit' ? 'RECEIVED' : 'COMPLETED';
      let committed = 1;
      const expectConsistent = (report: ConsistencyReport, after: string) =>
        // Only a kill after the commit leaves the command done; before it, nothing of it is there.
        expect({ after, problems: report.problems, [status]: report.applications[status] }).toEqual(
          { after, problems: [], [status]: committed },
        );
      let previous = 'a whole run';
      for (const step of KILL_STEPS) {
        // Each child first restarts on what the last one left, and reports what it finds.
        const killed = await runChild(storage, key, scenario, step);
        expectConsistent(killed.restarted, previous);
        expect({ reached: killed.reached, signal: killed.signal }).toEqual({
          reached: step,
          signal: 'SIGKILL',
        });
        if (step === 'appended') committed += 1;
        previous = `a kill at ${step}`;
      }
      expectConsistent((await runChild(storage, key, 'check')).restarted, previous);
    },
    1_800_000,
  );
});
