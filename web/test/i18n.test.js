// Language choice, UI tables and the per-text fallback.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseLanguage, fallbackChain, isTraditional, pick, pickEntry, t, uiLocale } from '../src/i18n.js';

const HALL = ['zh-CN', 'en', 'yue'];

test('a Hong Kong browser gets Cantonese, a Taiwan browser Mandarin, others their own or the first', () => {
    assert.equal(chooseLanguage(HALL, ['zh-HK', 'en']), 'yue');
    assert.equal(chooseLanguage(HALL, ['zh-TW']), 'zh-CN');
    assert.equal(chooseLanguage(HALL, ['en-GB']), 'en');
    assert.equal(chooseLanguage(HALL, ['fr-FR', 'de']), 'zh-CN');
    assert.equal(chooseLanguage(['zh-CN', 'zh-TW'], ['zh-HK']), 'zh-TW');
    assert.equal(chooseLanguage(HALL, ['en'], 'yue'), 'yue'); // remembered wins
    assert.equal(chooseLanguage(HALL, ['en'], 'ja'), 'en'); // unless the hall lacks it
});

test('Traditional UI strings for Cantonese, Hong Kong and Taiwan, and for Traditional browsers', () => {
    for (const code of ['yue', 'zh-HK', 'zh-TW', 'zh-Hant', 'zh-Hant-TW', 'zh-MO'])
        assert.equal(uiLocale(code), 'zh-Hant', code);
    assert.equal(uiLocale('zh-CN'), 'zh-CN');
    assert.equal(uiLocale('zh-CN', ['zh-TW', 'en']), 'zh-Hant');
    assert.equal(uiLocale('zh-CN', ['en', 'zh-CN']), 'zh-CN');
    assert.equal(uiLocale('en', ['zh-TW']), 'en');
    assert.equal(uiLocale('fr'), 'en');
    assert.ok(isTraditional('yue') && !isTraditional('zh-CN'));
});

test('UI strings fill placeholders and fall back to English, then to the key', () => {
    assert.equal(t('yue', 'scenes'), '場景列表');
    assert.equal(t('zh-CN', 'goTo', '花园'), '前往：花园');
    assert.equal(t('en', 'views', 3), '3 views');
    assert.equal(t('en', 'no-such-key'), 'no-such-key');
});

test('each text falls back along close written forms, then the hall order, then any', () => {
    assert.deepEqual(fallbackChain('yue', HALL).slice(0, 3), ['yue', 'zh-HK', 'zh-Hant']);
    assert.equal(pick({ 'zh-CN': '大厅', en: 'Hall' }, 'yue', HALL), '大厅');
    assert.equal(pick({ 'zh-HK': '大堂', 'zh-CN': '大厅' }, 'yue', HALL), '大堂');
    assert.equal(pick({ en: 'Hall' }, 'yue', HALL), 'Hall');
    assert.equal(pick({ fr: 'Salle' }, 'en', HALL), 'Salle');
    assert.equal(pick(null, 'en', HALL), '');
    assert.deepEqual(pickEntry({ 'zh-CN': { audio: 'a' } }, 'en', HALL), { audio: 'a' });
    assert.equal(pickEntry({}, 'en', HALL), null);
});
