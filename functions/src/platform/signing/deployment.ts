// The signer of this deployment, chosen by SIGNING_KEY_PASSPHRASE: `none` signs nothing, anything else
// unlocks the PKCS#12 files in the file store. One keyring per passphrase and instance, so keys are
// opened once and reused by every request.
import type { FileStore } from '../file-store/index.js';
import { DeploymentSigner, Pkcs12Keyring } from './keyring.js';
import { signingDisabled, type PdfSigner } from './signer-port.js';

const keyrings = new Map<string, Pkcs12Keyring>();

/** The keyring of the deployment's keys (also the verifier's list of trusted CAs). */
export function deploymentKeyring(files: FileStore, passphrase: string): Pkcs12Keyring {
  let keyring = keyrings.get(passphrase);
  if (!keyring) {
    keyring = new Pkcs12Keyring(files, passphrase);
    keyrings.set(passphrase, keyring);
  }
  return keyring;
}

export function deploymentSigner(files: FileStore, passphrase: string, location: string): PdfSigner {
  const value = passphrase.trim();
  if (value === '' || value === 'none') return signingDisabled;
  return new DeploymentSigner(deploymentKeyring(files, value), location);
}
