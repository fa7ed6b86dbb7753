// The local test certificate authority (development and tests only; docs/SIGNATURES.md). On first use it
// makes a root CA in .signing/ (git-ignored, never committed) and issues, from it, a certificate for every
// agency of the demo province and for every officer of the demo accounts. Their PKCS#12 files go where the
// deployment keyring reads them under the emulators (the local file store, `signing-keys/`), encrypted with
// the SIGNING_KEY_PASSPHRASE of functions/.secret.local; the root goes to `signing-keys/trusted.pem`.
// `npm start`, `npm test` and `npm run bench` call ensureTestCa(); it does nothing when all is in place.
import { createHash, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { keyPathOf, TRUSTED_CAS_PATH } from '../../functions/src/platform/signing/keyring.js';
import { demoOfficerKeyPath } from '../../seed/demo-keys.js';
import { LocalFileStore, localFileStoreRoot } from '../../functions/src/platform/file-store/index.js';
import { demoAgencies } from '../../seed/data/agencies.js';
import { demoAccounts } from '../../seed/data/officers.js';
import { DEV_SECRETS_FILE, ensureDevSecrets, ROOT } from './emulator-env.js';

export const CA_DIR = join(ROOT, '.signing');
const CA_KEY = join(CA_DIR, 'ca.key.pem');
const CA_CERT = join(CA_DIR, 'ca.cert.pem');
const STATE = join(CA_DIR, 'issued.json');
const SIGNING_ROLES = new Set(['receptionist', 'handler', 'lead']);
const PROVINCE = 'Tỉnh Bình An (demo)';

export type TestCaSubject = { path: string; commonName: string; organisation: string };

/** Who gets a certificate: every demo agency, and every demo officer who signs (desk, handling, lead). */
export function testCaSubjects(): TestCaSubject[] {
  const agencyName = new Map(demoAgencies.map((a) => [a.id, a.name.vi]));
  return [
    ...demoAgencies.map((a) => ({ path: keyPathOf({ kind: 'agency', agencyId: a.id }), commonName: a.name.vi, organisation: PROVINCE })),
    ...demoAccounts
      .filter((a) => SIGNING_ROLES.has(a.role))
      // Officers' keys are installed per Auth uid, which the seed's invitations create: the CA issues them
      // by email and the seed installs each under its officer's uid (seed/load.ts, installDemoOfficerKeys).
      .map((a) => ({ path: demoOfficerKeyPath(a.email), commonName: a.displayName, organisation: agencyName.get(a.agencyId ?? '') ?? PROVINCE })),
  ];
}

/** The SIGNING_KEY_PASSPHRASE the functions emulator runs with. */
export function devSigningPassphrase(): string {
  ensureDevSecrets();
  const value = /^SIGNING_KEY_PASSPHRASE=(.+)$/m.exec(readFileSync(DEV_SECRETS_FILE, 'utf8'))?.[1]?.trim();
  if (!value) throw new Error(`${DEV_SECRETS_FILE} has no SIGNING_KEY_PASSPHRASE`);
  return value;
}

type KeyPair = { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey };

/**
 * RSA-2048 from node:crypto (native, and in the thread pool, so several are made at once), handed to
 * node-forge for the certificate and PKCS#12.
 */
async function rsaKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()) as forge.pki.rsa.PublicKey,
  };
}

const serial = () => `01${randomBytes(15).toString('hex')}`; // positive, 16 bytes

function certificate(subject: forge.pki.CertificateField[], issuer: forge.pki.CertificateField[], publicKey: forge.pki.PublicKey, signer: forge.pki.rsa.PrivateKey, years: number, ca: boolean): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  // Valid from a day back, so a machine whose clock lags a little still accepts it.
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + years * 365 * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(
    ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
          { name: 'extKeyUsage', emailProtection: true },
          { name: 'subjectKeyIdentifier' },
        ],
  );
  cert.sign(signer, forge.md.sha256.create());
  return cert;
}

const name = (commonName: string, organisation: string): forge.pki.CertificateField[] => [
  { shortName: 'C', value: 'VN' },
  { shortName: 'O', value: organisation, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
  { shortName: 'CN', value: commonName, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
];


export type Ca = { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate; pem: string };

/** A root CA in memory (the unit tests make throwaway ones). */
export async function createCa(commonName = 'Motcua Test Root CA — chỉ dùng để thử / development only'): Promise<Ca> {
  const keys = await rsaKeyPair();
  const subject = name(commonName, PROVINCE);
  const cert = certificate(subject, subject, keys.publicKey, keys.privateKey, 10, true);
  return { key: keys.privateKey, cert, pem: forge.pki.certificateToPem(cert) };
}

async function loadOrCreateCa(): Promise<Ca> {
  if (existsSync(CA_KEY) && existsSync(CA_CERT)) {
    const pem = readFileSync(CA_CERT, 'utf8');
    return { key: forge.pki.privateKeyFromPem(readFileSync(CA_KEY, 'utf8')) as forge.pki.rsa.PrivateKey, cert: forge.pki.certificateFromPem(pem), pem };
  }
  mkdirSync(CA_DIR, { recursive: true });
  const ca = await createCa();
  writeFileSync(CA_KEY, forge.pki.privateKeyToPem(ca.key), { mode: 0o600 });
  writeFileSync(CA_CERT, ca.pem);
  writeFileSync(join(CA_DIR, 'README.txt'), 'Local test CA of motcua (scripts/lib/test-ca.ts). Development and tests only; never commit, never use in production.\n');
  return ca;
}

/** Issues one subject's PKCS#12 (key, certificate and the root), encrypted with `passphrase`. */
export async function issuePkcs12(ca: Ca, subject: Omit<TestCaSubject, 'path'>, passphrase: string, pair?: KeyPair): Promise<Buffer> {
  const keys = pair ?? (await rsaKeyPair());
  const cert = certificate(name(subject.commonName, subject.organisation), ca.cert.subject.attributes, keys.publicKey, ca.key, 5, false);
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, ca.cert], passphrase, { algorithm: 'aes256', friendlyName: subject.commonName });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/**
 * Makes sure the test CA exists and every subject's key is in the local file store, readable with the
 * current passphrase. Returns the root certificate (PEM).
 */
export async function ensureTestCa(storeRoot = localFileStoreRoot()): Promise<string> {
  const passphrase = devSigningPassphrase();
  const ca = await loadOrCreateCa();
  const caPem = ca.pem;
  const subjects = testCaSubjects();
  const fingerprint = createHash('sha256').update(JSON.stringify({ caPem, passphrase, storeRoot, paths: subjects.map((s) => s.path) })).digest('hex');
  const store = new LocalFileStore(storeRoot);
  const state = existsSync(STATE) ? (JSON.parse(readFileSync(STATE, 'utf8')) as { fingerprint?: string }) : {};
  const present = await Promise.all([TRUSTED_CAS_PATH, ...subjects.map((s) => s.path)].map((p) => store.get(p).then((f) => f !== undefined)));
  if (state.fingerprint === fingerprint && present.every(Boolean)) return caPem;
  await store.put(TRUSTED_CAS_PATH, Buffer.from(caPem), 'application/x-pem-file');
  const keys = await Promise.all(subjects.map(() => rsaKeyPair()));
  for (const [i, subject] of subjects.entries()) await store.put(subject.path, await issuePkcs12(ca, subject, passphrase, keys[i]!), 'application/x-pkcs12');
  writeFileSync(STATE, JSON.stringify({ fingerprint, issuedAt: new Date().toISOString(), subjects: subjects.map((s) => s.path) }, null, 2));
  console.log(`test CA: issued ${subjects.length} certificates (${CA_DIR}, keys in ${join(storeRoot, 'objects', 'signing-keys')})`);
  return caPem;
}
