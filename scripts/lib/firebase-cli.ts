// Runs firebase-tools with the emulator environment. Every command that needs the emulators goes
// through here, so the launcher-jar logic lives in one place.
import { spawn, type ChildProcess } from 'node:child_process';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // The lock appears complete or not at all: the pid is written to a private file first, then linked to
  // the lock's name (link fails when the name exists). Creating the lock and writing the pid separately
  // let a waiter read it empty in between, take it for stale and remove a live lock.
  const mine = `${LOCK}.${process.pid}`;
  writeFileSync(mine, String(process.pid));
  try {
    for (;;) {
      try {
        linkSync(mine, LOCK);
        break;
      } catch {
        let holder = 0;
        try {
          holder = Number(readFileSync(LOCK, 'utf8').trim() || '0');
        } catch {
          continue; // released between our link and our read: try again at once
        }
        if (!holder || !alive(holder)) {
          rmSync(LOCK, { force: true });
          continue;
        }
        if (!announced) console.log(`Waiting for another emulator run (pid ${holder}) to finish…`);
        announced = true;
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  } finally {
    rmSync(mine, { force: true });
  }
  try {
    return await run();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** `firebase emulators:exec`: starts the suite once, runs `script`, stops it, passes the exit code on. */
export async function execWithEmulators(script: string, setup: EmulatorSetup, only = EMULATORS, extraEnv: NodeJS.ProcessEnv = {}): Promise<number> {
  return withEmulatorLock(() => waitForExit(spawnFirebase(['emulators:exec', '--only', only, script], setup, { extraEnv })));
}
