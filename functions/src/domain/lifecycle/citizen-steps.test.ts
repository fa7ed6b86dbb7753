import { describe, expect, it } from 'vitest';
import { ACTION_LABEL_TEXT } from './action-labels.js';
import { CITIZEN_STEP_TEXT, citizenTimeline } from './citizen-steps.js';

describe('the citizen’s plain steps', () => {
  it('never shows an officer’s button label to the citizen', () => {
    for (const [type, text] of Object.entries(CITIZEN_STEP_TEXT)) {
      if (text) expect(text.vi, type).not.toBe(ACTION_LABEL_TEXT[type as keyof typeof ACTION_LABEL_TEXT].vi);
    }
    expect(Object.values(CITIZEN_STEP_TEXT).map((t) => t?.vi)).not.toContain('Giải quyết (phê duyệt hoặc từ chối)');
  });

  it('drops internal housekeeping and shows a step repeated in a row once, at its first time', () => {
    const events = [
      { type: 'submit', at: 1 },
      { type: 'receive', at: 2 },
      { type: 'transfer', at: 3 },
      { type: 'acknowledgeTransfer', at: 4 },
      { type: 'transfer', at: 5 },
      { type: 'provideOpinion', at: 6 },
      { type: 'resolve', at: 7 },
      { type: 'somethingUnknown', at: 8 },
    ];
    const shown = citizenTimeline(events);
    expect(shown.map((s) => s.event.at)).toEqual([1, 2, 3, 7]);
    expect(shown.map((s) => s.text.vi)).toEqual(['Bạn đã nộp hồ sơ trực tuyến', 'Hồ sơ đã được tiếp nhận', 'Hồ sơ được chuyển đến cơ quan giải quyết', 'Hồ sơ đã có kết quả giải quyết']);
  });
});
