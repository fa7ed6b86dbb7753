import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery } from './search-text.js';

describe('diacritics-insensitive search', () => {
  it('folds tone and vowel marks and đ, whether the text is composed or decomposed', () => {
    expect(foldVietnamese('Đất đai')).toBe('dat dai');
    expect(foldVietnamese('Đăng ký khai sinh'.normalize('NFD'))).toBe('dang ky khai sinh');
    expect(foldVietnamese('  Chứng   thực\tchữ ký ')).toBe('chung thuc chu ky');
  });

  it('matches every word of the query in any order, typed with or without marks', () => {
    const text = foldVietnamese('Cấp đổi Giấy chứng nhận quyền sử dụng đất');
    expect(matchesQuery(text, 'dat')).toBe(true);
    expect(matchesQuery(text, 'giấy chứng nhận')).toBe(true);
    expect(matchesQuery(text, 'dat giay')).toBe(true);
    expect(matchesQuery(text, 'đất đai')).toBe(false);
    expect(matchesQuery(text, '')).toBe(true);
  });
});
