// The device's account. IT signs the kiosk in once with its kiosk account (persisted by Firebase Auth);
// any other account is refused, so a rating is never sent from an officer's or a citizen's session.
import { onAuthStateChanged, signInWithEmailAndPassword, signOut } from 'firebase/auth';
import { firebaseApp } from '../shared/firebase-app.js';
import { kiosk, show } from './state.js';

/** Follows the signed-in account: a kiosk account of a desk goes to the start screen, any other is refused. */
export async function watchDevice(): Promise<void> {
  const { auth } = await firebaseApp();
  onAuthStateChanged(auth, async (user) => {
    kiosk.device = null;
    if (!user) return show({ kind: 'signIn', error: null });
    const { claims } = await user.getIdTokenResult();
    if (claims.role !== 'kiosk' || typeof claims.agencyId !== 'string') {
      return show({ kind: 'refused', email: user.email ?? user.uid });
    }
    kiosk.device = { user, agencyId: claims.agencyId };
    show({ kind: 'start', typed: '', error: null });
  });
}

/** Signs the device in; watchDevice takes over from there. Throws on wrong credentials. */
export async function signInDevice(email: string, password: string): Promise<void> {
  const { auth } = await firebaseApp();
  await signInWithEmailAndPassword(auth, email, password);
}

export async function signOutDevice(): Promise<void> {
  const { auth } = await firebaseApp();
  await signOut(auth);
}
