import { execFile, fork } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ConsistencyReport } from '../../crash/registry-consistency';

const run = promisify(execFile);
const CRASH_CHILD = join(process.cwd(), 'dist/tools/crash/crash-child.js');
const CLI = join(process.cwd(), 'dist/tools/cli/main.js');

/** Where a check child finds the storage: the API's environment and working directory. */
export interface StorageAccess {
  readonly environment: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/**
 * MTR-2 read off the events alone, by the kill test's child (`CRASH_SCENARIO=check`): points
 * held by an application that is missing or closed, open applications without their claim.
 */
export function registryReport(storage: StorageAccess): Promise<ConsistencyReport> {
  const child = fork(CRASH_CHILD, [], {
    cwd: storage.cwd,
    env: {
      PATH: process.env.PATH,
      ...storage.environment,
      CRASH_SCENARIO: 'check',
      CRASH_ROOT: storage.cwd,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let report: ConsistencyReport | undefined;
    child.on('message', (message: { type: string; report?: ConsistencyReport }) => {
      if (message.type === 'restarted') report = message.report;
    });
    child.on('exit', (code) =>
      report ? resolve(report) : reject(new Error(`check child ended ${code}: ${stderr}`)),
    );
  });
}

/** `npm run cli -- verify-history`: every stream and the global chain; exit code 1 on a finding. */
export async function verifyHistory(
  storage: StorageAccess,
): Promise<{ intact: boolean; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [CLI, 'verify-history'], {
      cwd: storage.cwd,
      env: { PATH: process.env.PATH, ...storage.environment },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { intact: true, output: stdout };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { intact: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
