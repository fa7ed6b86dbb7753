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
    // Fri 2 Jan is swapped with Sat 10 Jan (worked): Thu 1 – Sun 4 Jan without work.
    day('2026-01-02', 'Nghỉ hoán đổi Tết Dương lịch', "New Year (swapped day off)"),
    // Civil servants off Mon 16 – Fri 20 Feb; with the weekends, 14–22 Feb is nine days without work.
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) =>
      day(d, TET.vi, TET.en),
    ),
    // Hùng Kings' day (10/3 lunar) is Sun 26 Apr 2026: the day off moves to the next working day.
    day('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', "Hùng Kings' Commemoration (day in lieu)"),
    day('2026-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day'),
    day('2026-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day'),
    // Mon 31 Aug is swapped with Sat 22 Aug (worked): Sat 29 Aug – Wed 2 Sep without work.
    day('2026-08-31', 'Nghỉ hoán đổi Quốc khánh', 'National Day (swapped day off)'),
    day('2026-09-01', NATIONAL_DAY.vi, NATIONAL_DAY.en),
    day('2026-09-02', NATIONAL_DAY.vi, NATIONAL_DAY.en),
    // Vietnam Culture Day, a paid holiday from 01/07/2026 (reported: correct calendars/2026 if it is not).
    day('2026-11-24', 'Ngày Văn hóa Việt Nam', 'Vietnam Culture Day'),
  ],
  makeUpWorkingDays: [
    day('2026-01-10', 'Làm bù cho ngày 02/01', 'Make-up working day for 2 Jan'),
    day('2026-08-22', 'Làm bù cho ngày 31/08', 'Make-up working day for 31 Aug'),
  ],
  source:
    'Bộ luật Lao động 2019 Điều 112; lịch nghỉ năm 2026 của cán bộ, công chức theo thông báo công khai: Tết Dương lịch 01–04/01 ' +
    '(nghỉ 02/01, làm bù Thứ Bảy 10/01), Tết 16–20/02, nghỉ bù Giỗ Tổ 27/04, 30/04–01/05, Quốc khánh 01–02/09 (nghỉ 31/08, ' +
    'làm bù Thứ Bảy 22/08); Ngày Văn hóa Việt Nam 24/11 (nguồn thứ cấp, cần đối chiếu). / Labour Code 2019 Art. 112; the ' +
    '2026 civil-service schedule as announced: New Year 1–4 Jan (2 Jan off, Sat 10 Jan worked), Tết 16–20 Feb, Hùng Kings 27 Apr ' +
    'in lieu, 30 Apr – 1 May, National Day 1–2 Sep (31 Aug off, Sat 22 Aug worked); Vietnam Culture Day 24 Nov (reported).',
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
  provisional: true,
  source:
    'Bộ luật Lao động 2019 Điều 112. TẠM TÍNH: lịch nghỉ Tết Đinh Mùi (Thứ Năm 04/02 – Thứ Tư 10/02/2027, mùng 1 là Thứ Bảy 06/02) ' +
    'và ngày nghỉ liền kề Quốc khánh (Thứ Sáu 03/09/2027) chưa được công bố; sửa tại calendars/2027 khi có quyết định. / ' +
    "Labour Code 2019 Art. 112. PROVISIONAL: the Tết schedule (Thu 4 – Wed 10 Feb 2027; Lunar New Year's day is Sat " +
    "6 Feb) and National Day's adjacent day (Fri 3 Sep 2027) are not yet announced; correct calendars/2027 when decided.",
};

export const demoCalendars: Calendar[] = [calendar2026, calendar2027];
