// Demo working calendars (loaded into Firestore `calendars/{year}`; administrators correct them there).
// Sources: Labour Code 2019 Art. 112 for the list of holidays; the public announcements noted per year.
// Days marked provisional or unconfirmed are best guesses to correct when the official schedule is known.
import type { Calendar, CalendarDay } from '../../functions/src/domain/time/index.js';

const day = (date: string, vi: string, en: string): CalendarDay => ({ date, name: { vi, en } });

const TET = { vi: 'Tết Nguyên đán', en: 'Lunar New Year' } as const;
const NATIONAL_DAY = { vi: 'Quốc khánh', en: 'National Day' } as const;

export const calendar2026: Calendar = {
  year: 2026,
  weeklyRestDays: [0, 6],
  holidays: [
    day('2026-01-01', 'Tết Dương lịch', "New Year's Day"),
    // Civil servants off Mon 16 – Fri 20 Feb; with the weekends, 14–22 Feb is nine days without work.
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) =>
      day(d, TET.vi, TET.en),
    ),
    // Hùng Kings' day (10/3 lunar) is Sun 26 Apr 2026: the day off moves to the next working day.
    day('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration (day in lieu)"),
    day('2026-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day'),
    day('2026-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day'),
    day('2026-09-02', NATIONAL_DAY.vi, NATIONAL_DAY.en),
    // The adjacent National Day holiday is unconfirmed: Thu 3 Sep chosen; Tue 1 Sep is the alternative.
    day('2026-09-03', NATIONAL_DAY.vi, NATIONAL_DAY.en),
  ],
  makeUpWorkingDays: [],
  source:
    'Bộ luật Lao động 2019 Điều 112; lịch nghỉ năm 2026 của cán bộ, công chức theo thông báo công khai (Tết 16–20/02/2026, ' +
    'nghỉ bù Giỗ Tổ 27/04, 30/04–01/05). CHƯA XÁC NHẬN: ngày nghỉ liền kề Quốc khánh — đang nhập Thứ Năm 03/09/2026, ' +
    'có thể là Thứ Ba 01/09/2026; sửa tại calendars/2026 khi có thông báo. / Labour Code 2019 Art. 112; the 2026 ' +
    "civil-service schedule as publicly announced. UNCONFIRMED: National Day's adjacent day, entered as Thu 3 Sep 2026 " +
    '(alternative: Tue 1 Sep 2026); correct calendars/2026 when announced.',
};

export const calendar2027: Calendar = {
  year: 2027,
  weeklyRestDays: [0, 6],
  holidays: [
    day('2027-01-01', 'Tết Dương lịch', "New Year's Day"),
    // Provisional: Lunar New Year's day is Sat 6 Feb 2027. Same pattern as 2024, when mùng 1 also fell on a
    // Saturday (10 Feb 2024) and civil servants were off Thu 8 – Wed 14 Feb: five working days, eve included.
    ...['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((d) =>
      day(d, TET.vi, TET.en),
    ),
    day('2027-04-16', 'Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration"),
    day('2027-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day'),
    // 1 May 2027 is a Saturday: the day off moves to Monday.
    day('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động', 'International Labour Day (day in lieu)'),
    day('2027-09-02', NATIONAL_DAY.vi, NATIONAL_DAY.en),
    day('2027-09-03', NATIONAL_DAY.vi, NATIONAL_DAY.en),
  ],
  makeUpWorkingDays: [],
  source:
    'Bộ luật Lao động 2019 Điều 112. TẠM TÍNH: lịch nghỉ Tết Đinh Mùi (Thứ Năm 04/02 – Thứ Tư 10/02/2027, mùng 1 là Thứ Bảy 06/02) ' +
    'và ngày nghỉ liền kề Quốc khánh (Thứ Sáu 03/09/2027) chưa được công bố; sửa tại calendars/2027 khi có quyết định. / ' +
    "Labour Code 2019 Art. 112. PROVISIONAL: the Tết schedule (Thu 4 – Wed 10 Feb 2027; Lunar New Year's day is Sat " +
    "6 Feb) and National Day's adjacent day (Fri 3 Sep 2027) are not yet announced; correct calendars/2027 when decided.",
};

export const demoCalendars: Calendar[] = [calendar2026, calendar2027];
