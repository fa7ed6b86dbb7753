import { describe, expect, it } from 'vitest';
import { communeName, communesOf } from './communes.js';

const agency = (vi: string, level: string, effectiveTo?: string) => ({ name: { vi, en: vi }, level: level as 'commune', ...(effectiveTo ? { effectiveTo } : {}) });

describe('the province’s communes from its directory', () => {
  it('names a commune by its committee’s name without the committee', () => {
    expect(communeName('Ủy ban nhân dân phường Đông Thành')).toBe('Phường Đông Thành');
    expect(communeName('Uỷ ban nhân dân xã An Phú')).toBe('Xã An Phú');
    expect(communeName('Đặc khu Côn Đảo')).toBe('Đặc khu Côn Đảo');
  });

  it('lists the communes in operation, sorted the Vietnamese way, each once, and no province agency', () => {
    const list = communesOf(
      [
        agency('Ủy ban nhân dân xã Tân Lập', 'commune'),
        agency('Ủy ban nhân dân phường Đông Thành', 'commune'),
        agency('Ủy ban nhân dân xã An Phú', 'commune'),
        agency('Ủy ban nhân dân xã An Phú', 'commune'),
        agency('Ủy ban nhân dân xã Cũ', 'commune', '2025-06-30'),
        agency('Sở Tư pháp tỉnh Bình An', 'province'),
      ],
      new Date('2026-12-03T03:00:00Z'),
    );
    expect(list).toEqual(['Phường Đông Thành', 'Xã An Phú', 'Xã Tân Lập']);
  });
});
