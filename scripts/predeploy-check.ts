// Run by `firebase deploy` before the functions are built (firebase.json, functions.predeploy): refuses
// the deploy when a required parameter is missing or unusable in functions/.env + functions/.env.<project>
// (config.ts, REQUIRED_PARAMS), listing every problem in Vietnamese and English. firebase-tools would ask
// for a missing value interactively, or fail with less to go on in CI; a wrong-but-present value (an http
// origin, a .invalid sender) it would accept.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployParamProblems } from '../functions/src/config.js';
import { ROOT } from './lib/emulator-env.js';

/** KEY=VALUE lines as firebase-tools reads them (comments, blank lines, optional quotes). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/u)) {
    const m = /^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.*?)\s*$/u.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    out[m[1]!] = m[2]!.replace(/^(["'])(.*)\1$/u, '$2');
  }
  return out;
}

export function projectEnv(projectId: string, dir = join(ROOT, 'functions')): Record<string, string> {
  const read = (name: string) => (existsSync(join(dir, name)) ? parseEnvFile(readFileSync(join(dir, name), 'utf8')) : {});
  return { ...read('.env'), ...read(`.env.${projectId}`) };
}

if (process.argv[1]?.endsWith('predeploy-check.ts')) {
  const projectId = process.env.GCLOUD_PROJECT ?? process.argv[2];
  if (!projectId) {
    console.error('predeploy-check: no project (GCLOUD_PROJECT); run it through `firebase deploy` or pass the project id');
    process.exit(1);
  }
  const problems = deployParamProblems(projectEnv(projectId));
  if (problems.length > 0) {
    console.error(`\nKhông triển khai: tham số của ${projectId} chưa đủ / deploy refused: parameters of ${projectId} are incomplete`);
    for (const p of problems) console.error(`  - ${p.vi}\n    ${p.en}`);
    console.error(`Sửa functions/.env.${projectId} (README, "Deploying"; docs/NOTIFICATIONS.md) / fix functions/.env.${projectId}\n`);
    process.exit(1);
  }
  console.log(`predeploy-check: parameters of ${projectId} are complete`);
}
