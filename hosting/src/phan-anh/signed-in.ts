// Whether a citizen is signed in on this device (from the other citizen pages). The Firebase SDK is loaded
// only when the form is shown, in its own chunk, so the answers page stays light.
import type { User } from 'firebase/auth';

export type Citizen = { email: string | null; token: () => Promise<string> };

export async function signedInCitizen(): Promise<Citizen | undefined> {
  try {
    const [{ firebaseApp }, { onAuthStateChanged }] = await Promise.all([import('../shared/firebase-app.js'), import('firebase/auth')]);
    const { auth } = await firebaseApp();
    const user = await new Promise<User | null>((resolve) => {
      const stop = onAuthStateChanged(auth, (u) => {
        stop();
        resolve(u);
      });
    });
    if (!user) return undefined;
    const { claims } = await user.getIdTokenResult();
    // Staff record feedback through their own page; only a citizen sends it from here.
    if (claims.role !== undefined) return undefined;
    return { email: user.email, token: () => user.getIdToken() };
  } catch {
    return undefined; // the SDK could not load: the form still works anonymously with a contact
  }
}
