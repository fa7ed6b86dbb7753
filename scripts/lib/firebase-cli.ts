// Runs firebase-tools with the emulator environment. Every command that needs the emulators goes
// through here, so the launcher-jar logic lives in one place.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATORS, FIREBASE_BIN, PROJECT_ID, ROOT, emulatorEnv, type EmulatorSetup } from './emulator-env.js';

export function spawnFirebase(
  args: string[],
  setup: EmulatorSetup,
  options: { stdio?: 'inherit' | 'pipe'; extraEnv?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  return spawn(FIREBASE_BIN, [...args, '--project', PROJECT_ID], {
    cwd: ROOT,
    env: { ...emulatorEnv(setup), ...options.extraEnv },
    stdio: options.stdio ?? 'inherit',
  });
}

export function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise(child.exitCode);
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

// Machine-wide (not per checkout): two clones or worktrees share the same fixed ports.
const LOCK = join(tmpdir(), 'motcua-emulators.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One Emulator Suite per machine at a time (the ports are fixed in firebase.json): a second test or
 * bench run waits for the first instead of failing on a taken port. A lock left by a dead process is
 * taken over.
 */
export async function withEmulatorLock<T>(run: () => Promise<T>): Promise<T> {
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch {
      const holder = Number(readFileSync(LOCK, 'utf8').trim() || '0');
      if (!holder || !alive(holder)) {
        rmSync(LOCK, { force: true });
        continue;
      }
      if (!announced) console.log(`Waiting for another emulator run (pid ${holder}) to finish…`);
      announced = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await run();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** `firebase emulators:exec`: starts the suite once, runs `script`, stops it, passes the exit code on. */
export async function execWithEmulators(script: string, setup: EmulatorSetup, only = EMULATORS): Promise<number> {
  return withEmulatorLock(() => waitForExit(spawnFirebase(['emulators:exec', '--only', only, script], setup)));
}
