// A component as submitted in a dossier: which required document it answers, how many paper copies were
// handed in, and the scanned or uploaded files.
import { z } from 'zod';
import { ComponentId } from '../procedure/component.js';
import { bi } from '../shared/bilingual.js';
import { PlainText } from '../shared/primitives.js';
import { Attachment, MAX_DOSSIER_ATTACHMENT_BYTES } from './attachment.js';

const Count = z.number().int().min(0).max(20);

export const DossierComponent = z.strictObject({
  componentId: ComponentId.describe('Thành phần hồ sơ theo thủ tục / required document it answers'),
  /** Set only for a document a supplement asked for that the procedure does not list (its name then). */
  name: PlainText(255).optional().describe('Tên giấy tờ bổ sung ngoài danh mục / name of a document outside the list'),
  originals: Count.describe('Số bản chính / originals'),
  certifiedCopies: Count.describe('Số bản sao chứng thực / certified copies'),
  copies: Count.describe('Số bản sao / copies'),
  attachments: z.array(Attachment).max(20).describe('Tệp đính kèm / files'),
});
export type DossierComponent = z.infer<typeof DossierComponent>;

export function totalAttachmentBytes(components: readonly DossierComponent[]): number {
  return components.reduce((sum, c) => sum + c.attachments.reduce((s, a) => s + a.size, 0), 0);
}

/** The components of one dossier: each required document at most once, files within the dossier limit. */
export const DossierComponents = z
  .array(DossierComponent)
  .max(50)
  .refine((list) => new Set(list.map((c) => c.componentId)).size === list.length, {
    error: bi('Mỗi thành phần hồ sơ chỉ khai một lần', 'each component may appear only once'),
  })
  .refine((list) => totalAttachmentBytes(list) <= MAX_DOSSIER_ATTACHMENT_BYTES, {
    error: bi('Tổng dung lượng tệp của hồ sơ vượt quá 50 MB', 'the dossier’s files exceed 50 MB in total'),
  });
