// What a supplement request asks for, and how the applicant's answer lands on the dossier. Each item of a
// request names the component it is about: one the dossier already holds (a re-shot land certificate goes
// to the certificate, never to the first component on file), or, said explicitly, a document the dossier
// does not hold yet. The answer may touch only those components; where the officer asked for a
// replacement, the files handed in before are kept and marked replaced, so the record shows what changed.
import type { DossierComponent } from './component.js';
import type { SupplementItem } from './dossier.js';

/** One document a supplement asks for, as the answer is filed: every item resolves to a component id. */
export type SupplementTarget = {
  readonly componentId: string;
  readonly name: string;
  readonly problem: string;
  /** A document the dossier did not hold when the request was made. */
  readonly isNew: boolean;
  /** The files handed in earlier for this component are superseded by the answer (kept, marked replaced). */
  readonly replaceFiles: boolean;
};

/** Requests recorded before items named their component: item `i` is filed as this new document. */
export const legacyItemComponentId = (i: number): string => `bo-sung-${i + 1}`;

export function supplementTargets(items: readonly SupplementItem[]): SupplementTarget[] {
  return items.map((item, i) => ({
    componentId: item.componentId ?? legacyItemComponentId(i),
    name: item.name,
    problem: item.problem,
    isNew: item.isNew === true || item.componentId === undefined,
    replaceFiles: item.replaceFiles === true && item.isNew !== true && item.componentId !== undefined,
  }));
}

/** A component id for a document the dossier does not hold, unlike any id taken (`giay-to-khac-N`). */
export function freshComponentId(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `giay-to-khac-${n}`;
    if (!used.has(id)) return id;
  }
}

export type SupplementItemsProblem = 'supplementItemUnknown' | 'supplementItemRepeated';

/**
 * Whether a request's items fit the dossier: an item about a held document names one of its components;
 * an item marked new names an id the dossier does not hold; no component is asked for twice.
 */
export function supplementItemsProblem(items: readonly SupplementItem[], components: readonly Pick<DossierComponent, 'componentId'>[]): SupplementItemsProblem | undefined {
  const held = new Set(components.map((c) => c.componentId));
  const seen = new Set<string>();
  for (const item of items) {
    if (item.componentId === undefined) return 'supplementItemUnknown';
    if ((item.isNew === true) === held.has(item.componentId)) return 'supplementItemUnknown';
    if (item.isNew === true && item.replaceFiles === true) return 'supplementItemUnknown';
    if (seen.has(item.componentId)) return 'supplementItemRepeated';
    seen.add(item.componentId);
  }
  return undefined;
}

const fingerprint = (c: DossierComponent): string =>
  JSON.stringify([c.originals, c.certifiedCopies, c.copies, c.attachments.map((a) => [a.id, a.replacedAt?.getTime() ?? null])]);

/** The components an answer changed or added (compared with those on record). */
export function changedComponentIds(before: readonly DossierComponent[], after: readonly DossierComponent[]): string[] {
  const old = new Map(before.map((c) => [c.componentId, fingerprint(c)]));
  return after.filter((c) => old.get(c.componentId) !== fingerprint(c)).map((c) => c.componentId);
}

/** Whether an answer touches only what the request asked for (and drops nothing on record). */
export function answersOnlyRequested(items: readonly SupplementItem[], before: readonly DossierComponent[], after: readonly DossierComponent[]): boolean {
  const asked = new Set(supplementTargets(items).map((t) => t.componentId));
  const kept = before.every((b) => after.some((a) => a.componentId === b.componentId && b.attachments.every((f) => a.attachments.some((x) => x.id === f.id))));
  return kept && changedComponentIds(before, after).every((id) => asked.has(id));
}

/**
 * The components after the answer: paper and files added to the component each item names; where the
 * item asked for a replacement and new files came, the earlier files are marked replaced (never dropped);
 * a new document carries the name the officer gave it. Components not asked for are passed through
 * unchanged (the lifecycle refuses an answer that touches them).
 */
export function mergeSupplementAnswer(
  onRecord: readonly DossierComponent[],
  items: readonly SupplementItem[],
  additions: readonly DossierComponent[],
  now: Date,
): DossierComponent[] {
  const targets = new Map(supplementTargets(items).map((t) => [t.componentId, t]));
  const merged: DossierComponent[] = onRecord.map((c) => ({ ...c, attachments: [...c.attachments] }));
  for (const added of additions) {
    const target = targets.get(added.componentId);
    const existing = merged.find((c) => c.componentId === added.componentId);
    if (existing) {
      if (target?.replaceFiles && added.attachments.length > 0) {
        existing.attachments = existing.attachments.map((a) => (a.replacedAt === undefined ? { ...a, replacedAt: now } : a));
      }
      existing.originals += added.originals;
      existing.certifiedCopies += added.certifiedCopies;
      existing.copies += added.copies;
      existing.attachments.push(...added.attachments);
    } else {
      merged.push({ ...added, ...(target?.isNew ? { name: target.name } : {}), attachments: [...added.attachments] });
    }
  }
  return merged;
}
