// Names of the nine Circular 01/2018/TT-VPCP evaluation indices, on their own (no zod, no evaluation
// code) so the public transparency page can import them cheaply.
import type { Bilingual } from '../shared/bilingual.js';

export const EVALUATION_INDEX_LABELS = {
  index1: {
    vi: 'Tổng thời gian giải quyết so với thời gian quy định',
    en: 'Total processing time vs legal time',
  },
  index2: {
    vi: 'Thời gian thực hiện của từng cơ quan so với thời gian cho phép',
    en: 'Each agency’s time vs its allotted time',
  },
  index3: { vi: 'Số lần phải liên hệ để hoàn thiện hồ sơ', en: 'Contacts needed to complete the dossier' },
  index4: { vi: 'Số cơ quan phải liên hệ', en: 'Agencies the applicant had to deal with' },
  index5: {
    vi: 'Thủ tục giải quyết trọn vẹn tại Bộ phận Một cửa',
    en: 'Procedures fully handled at the desk',
  },
  index6: { vi: 'Công khai thủ tục hành chính', en: 'Publication of procedures' },
  index7: { vi: 'Thái độ của cán bộ', en: 'Officer attitude' },
  index8: { vi: 'Xử lý phản ánh, kiến nghị đúng hạn', en: 'Feedback handled on time' },
  index9: { vi: 'Tiếp nhận hồ sơ trực tuyến', en: 'Online service uptake' },
} as const satisfies Record<string, Bilingual>;
