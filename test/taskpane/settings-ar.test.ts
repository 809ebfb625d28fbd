import { SETTING_FIELDS } from '../../src/engine/sheets/settings-sheet';
import { SETTING_AR, settingText } from '../../src/taskpane/settings-ar';

const ARABIC = /[\u0600-\u06FF]/;

describe('Arabic setting texts', () => {
  it.each(SETTING_FIELDS.map((f) => [f.key] as const))('%s has an Arabic label and meaning', (key) => {
    const ar = SETTING_AR[key];
    expect(ar).toBeDefined();
    expect(ar.label.trim()).not.toBe('');
    expect(ar.meaning.trim()).not.toBe('');
    expect(ar.label).toMatch(ARABIC);
    expect(ar.meaning).toMatch(ARABIC);
  });

  it('has no keys beyond SETTING_FIELDS', () => {
    const keys = new Set(SETTING_FIELDS.map((f) => f.key));
    expect(Object.keys(SETTING_AR).filter((k) => !keys.has(k))).toEqual([]);
    expect(Object.keys(SETTING_AR)).toHaveLength(SETTING_FIELDS.length);
  });

  it('leaves no placeholders', () => {
    for (const { label, meaning } of Object.values(SETTING_AR)) {
      expect(label).not.toMatch(/[{}]/);
      expect(meaning).not.toMatch(/[{}]/);
    }
  });

  it('keeps choice option values in Latin letters in the meaning', () => {
    for (const f of SETTING_FIELDS) {
      if (f.rule.type !== 'choice') continue;
      for (const option of f.rule.options) expect(SETTING_AR[f.key].meaning).toContain(option);
    }
  });

  describe('settingText', () => {
    const policy = SETTING_FIELDS.find((f) => f.key === 'policy')!;
    const english = { label: policy.label, meaning: policy.meaning };

    it('gives the Arabic text for ar', () => {
      expect(settingText('policy', 'ar', english)).toEqual({ label: SETTING_AR.policy.label, meaning: SETTING_AR.policy.meaning });
    });

    it('gives the English text for en', () => {
      expect(settingText('policy', 'en', english)).toEqual(english);
    });

    it('falls back to English for a key with no Arabic text', () => {
      const other = { label: 'Something new', meaning: 'Not translated yet' };
      expect(settingText('somethingNew', 'ar', other)).toEqual(other);
      expect(settingText('toString', 'ar', other)).toEqual(other);
      expect(settingText('constructor', 'ar', other)).toEqual(other);
    });
  });
});
