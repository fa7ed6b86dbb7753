import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery, searchScore } from './search-text.js';

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

describe('ranking by everyday names', () => {
  const terms = ['sổ đỏ', 'sổ hồng', 'cấp lại sổ'].map(foldVietnamese);
  const text = foldVietnamese('Cấp đổi Giấy chứng nhận quyền sử dụng đất');

  it('ranks an everyday name typed with or without marks above a word match', () => {
    expect(searchScore(text, terms, 'sổ đỏ')).toBe(4);
    expect(searchScore(text, terms, 'SO DO')).toBe(4);
    expect(searchScore(text, terms, 'cap lai so')).toBe(4);
    expect(searchScore(text, terms, 'xin cấp lại sổ đỏ')).toBe(3);
    expect(searchScore(text, terms, 'giấy chứng nhận')).toBe(2);
    expect(searchScore(text, terms, 'dat giay')).toBe(1);
  });

  it('finds nothing for words in neither, and lets a short query match only a whole name', () => {
    expect(searchScore(text, terms, 'khai sinh')).toBe(0);
    expect(searchScore(text, terms, 'so')).toBe(0);
    expect(searchScore(text, [], 'sổ đỏ')).toBe(0);
    expect(searchScore(text, terms, '')).toBe(1);
  });
});
