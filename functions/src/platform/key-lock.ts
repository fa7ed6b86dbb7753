// Runs tasks that share a key one after another within this instance. Used where many requests
// contend on one Firestore document (an agency's daily code counter): queuing them here costs one
// transaction each, while letting them race costs aborted transactions and retries for all of them.
// Other instances still contend, and the transaction's retries resolve that.
const tails = new Map<string, Promise<unknown>>();

export function withKeyLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
