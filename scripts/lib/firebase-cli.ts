// Runs firebase-tools with the emulator environment. Every command that needs the emulators goes
// through here, so the launcher-jar logic lives in one place.
import { spawn, type ChildProcess } from 'node:child_process';
import { EMULATORS, FIREBASE_BIN, PROJECT_ID, ROOT, emulatorEnv, type FirestoreEmulatorMode } from './emulator-env.js';

export function spawnFirebase(
  args: string[],
  mode: FirestoreEmulatorMode,
  options: { stdio?: 'inherit' | 'pipe'; extraEnv?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  return spawn(FIREBASE_BIN, [...args, '--project', PROJECT_ID], {
    cwd: ROOT,
    env: { ...emulatorEnv(mode), ...options.extraEnv },
    stdio: options.stdio ?? 'inherit',
  });
}

export function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise(child.exitCode);
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

/** `firebase emulators:exec`: starts the suite once, runs `script`, stops it, passes the exit code on. */
export async function execWithEmulators(script: string, mode: FirestoreEmulatorMode, only = EMULATORS): Promise<number> {
  return waitForExit(spawnFirebase(['emulators:exec', '--only', only, script], mode));
}
