// The Node major the functions are deployed on (firebase.json `runtime`, e.g. nodejs22) and whether this
// process runs on it. `npm ci` installs that Node from the npm registry (the root devDependency `node`,
// docs/adr/0006-node-22.md) and npm puts it first on the PATH of every npm script, so `npm test` runs
// the functions emulator (which executes the functions with the Node that runs firebase-tools), the
// unit tests and the scripts on the deployed major, whatever Node the machine has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './emulator-env.js';

type FirebaseJson = { functions: { runtime?: string }[] };

/** The major of the deployed runtime, read from firebase.json (`nodejs22` → 22). */
export function deployedNodeMajor(): number {
  const config = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as FirebaseJson;
  const runtime = config.functions[0]?.runtime ?? '';
  const match = /^nodejs(\d+)$/.exec(runtime);
  if (!match) throw new Error(`firebase.json: functions[0].runtime is "${runtime}", expected nodejs<major>`);
  return Number(match[1]);
}

/** Why this process cannot stand for the deployed runtime, or undefined when it can. */
export function runtimeMismatch(version = process.versions.node): string | undefined {
  const wanted = deployedNodeMajor();
  const running = Number(version.split('.')[0]);
  if (running === wanted) return undefined;
  return (
    `this runs on Node ${version}, but the functions are deployed on nodejs${wanted} (firebase.json). ` +
    `Run it through npm (npm test, npm start), which puts node_modules/.bin/node (Node ${wanted}, installed by npm ci) first on the PATH`
  );
}
