// The legal processing time in plain words: what the unit means and when the clock starts, so a citizen
// can work out the appointment date before applying.
import type { Bilingual } from '../../domain/shared/bilingual.js';

export type LegalDuration = { value: number; unit: 'workingDays' | 'calendarDays' | 'workingHours' };

const UNIT_MEANING: Record<LegalDuration['unit'], Bilingual> = {
  workingDays: {
    vi: 'Ngày làm việc không tính thứ Bảy, Chủ nhật và các ngày nghỉ lễ, Tết (kể cả ngày nghỉ bù); ngày làm bù được tính.',
    en: 'Working days leave out Saturdays, Sundays and public holidays (including days off in lieu); make-up working days count.',
  },
  calendarDays: {
    vi: 'Tính theo ngày liên tục, kể cả thứ Bảy, Chủ nhật và ngày lễ.',
    en: 'Counted as consecutive days, weekends and holidays included.',
  },
  workingHours: {
    vi: 'Chỉ tính giờ làm việc của cơ quan (thường 07:00–11:30 và 13:30–17:00; 8 giờ là một ngày làm việc).',
    en: 'Only the agency’s office hours count (usually 07:00–11:30 and 13:30–17:00; 8 hours make one working day).',
  },
};

export function legalTimeMeaning(duration: LegalDuration): Bilingual[] {
  return [
    UNIT_MEANING[duration.unit],
    {
      vi: 'Thời hạn bắt đầu khi Bộ phận Một cửa tiếp nhận hồ sơ đầy đủ, hợp lệ; hồ sơ nhận sau giờ làm việc được tính từ ngày làm việc tiếp theo. Ngày hẹn trả kết quả ghi trên giấy tiếp nhận, kèm cách tính.',
      en: 'The clock starts when the one-stop desk receives the complete dossier; one received after office hours counts from the next working day. The appointment date is printed on your receipt, with how it was worked out.',
    },
  ];
}

export function supplementMeaning(policy: 'restart' | 'pause' | undefined): Bilingual {
  return policy === 'pause'
    ? {
        vi: 'Nếu phải bổ sung hồ sơ, thời gian chờ bổ sung không được tính; thời hạn tiếp tục khi nhận đủ.',
        en: 'If you are asked for a supplement, the waiting time does not count; the clock resumes when it arrives.',
      }
    : {
        vi: 'Nếu phải bổ sung hồ sơ, thời hạn được tính lại từ đầu khi nhận đủ hồ sơ bổ sung.',
        en: 'If you are asked for a supplement, the time starts again from zero when the complete supplement arrives.',
      };
}
