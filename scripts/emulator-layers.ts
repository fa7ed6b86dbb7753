// Runs inside `firebase emulators:exec` (one emulator start): the emulator layer, then the browser
// layer. Writes the counts for scripts/test.ts, which prints the summary.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR, runLayer } from './lib/vitest-layer.js';
import { startSmtpCatcher } from './lib/smtp-catcher.js';
import { startOidcStandIn } from './lib/oidc-stand-in.js';
import { hostingPort } from './lib/emulator-env.js';
import { startLocalStandIn } from './lib/portal-stand-in.js';

const layers = (process.argv[2] ?? 'emulator,browser').split(',') as ('emulator' | 'browser')[];
const filters = process.argv.slice(3);
// The marker proves that the emulators started and this script ran.
const counts: Record<string, unknown> = { started: true };
// The functions emulator sends mail to 127.0.0.1:2525 (functions/.env.local); tests read the .eml files.
const mailDir = join(RESULTS_DIR, 'mail');
rmSync(mailDir, { recursive: true, force: true });
const catcher = await startSmtpCatcher({ dir: mailDir });
// VNeID's stand-in: the functions exchange sign-in codes with it (functions/.env.local, VNEID_ISSUER).
const vneid = await startOidcStandIn({ hostingPort: hostingPort() });
// The national portal and the payment gateway (functions/.env.local points at it); tests drive it over HTTP.
const portalDir = join(RESULTS_DIR, 'portal');
rmSync(portalDir, { recursive: true, force: true });
const portal = await startLocalStandIn({ dir: portalDir });
for (const layer of layers) {
  counts[layer] = await runLayer(layer, { filters, env: { MAIL_CATCHER_DIR: mailDir, PORTAL_STAND_IN_URL: portal.url } });
}
await catcher.close();
await vneid.close();
await portal.close();
writeFileSync(join(RESULTS_DIR, 'emulator-layers.json'), JSON.stringify(counts));
const failed = layers.some((l) => (counts[l] as { failed: number }).failed > 0);
process.exit(failed ? 1 : 0);
