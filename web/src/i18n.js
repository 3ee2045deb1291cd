// Languages: which UI table a tour language reads (zh-CN, zh-Hant, en), the language a visitor starts in,
// and each tour.json text in that language, falling back text by text. Pure functions except the storage pair.
import { STRINGS } from './strings.js';

const CHINESE = /^(zh|yue|wuu|nan|hak|cmn|gan|hsn)(-|$)/i;
const TRADITIONAL = /^(yue|zh-yue|zh-hant|zh-hk|zh-tw|zh-mo)(-|$)/i;
// Written forms close to each other, tried before the hall's own order (Cantonese is written in Traditional).
const RELATED = {
    yue: ['zh-HK', 'zh-Hant', 'zh-Hant-HK', 'zh-TW', 'zh-MO'],
    'zh-HK': ['yue', 'zh-Hant-HK', 'zh-Hant', 'zh-MO', 'zh-TW'],
    'zh-MO': ['zh-HK', 'yue', 'zh-Hant', 'zh-TW'],
    'zh-TW': ['zh-Hant-TW', 'zh-Hant', 'zh-HK', 'zh-MO'],
    'zh-Hant': ['zh-TW', 'zh-HK', 'zh-MO'],
    'zh-CN': ['zh-Hans', 'zh-SG', 'zh', 'cmn'],
    zh: ['zh-CN', 'zh-Hans'],
};
const STORAGE_KEY = 'hallbuilder:lang';

const lower = (code) => String(code || '').toLowerCase();

/** Whether a language code is written in Traditional characters (Cantonese, Hong Kong, Taiwan, Macau). */
export function isTraditional(code) {
    return TRADITIONAL.test(String(code || ''));
}

/**
 * The UI table for a tour language: 'zh-Hant', 'zh-CN' or 'en'. A Chinese tour language that is not itself
 * Traditional still gets Traditional UI strings when the visitor's browser asks first for Traditional Chinese.
 */
export function uiLocale(lang, browserLanguages = []) {
    if (isTraditional(lang)) return 'zh-Hant';
    if (!CHINESE.test(String(lang || ''))) return 'en';
    const firstChinese = browserLanguages.find((code) => CHINESE.test(String(code || '')));
    return firstChinese && isTraditional(firstChinese) ? 'zh-Hant' : 'zh-CN';
}

let browserLanguages = [];
/** Tells the UI strings which languages the browser asks for (set once at start; tests pass their own). */
export function setBrowserLanguages(list) {
    browserLanguages = [...(list || [])];
}

/** A UI string of a table ({0}, {1} filled), falling back to English, then to the key. */
export function format(table, fallback, key, args) {
    const text = table[key] ?? fallback[key] ?? key;
    return text.replace(/\{(\d)\}/g, (_, index) => String(args[Number(index)] ?? ''));
}

/** A translated UI string with {0} placeholders filled. */
export function t(lang, key, ...args) {
    return format(STRINGS[uiLocale(lang, browserLanguages)], STRINGS.en, key, args);
}

/** The order in which a text is looked up: the language, its close relatives, its base, then the hall's order. */
export function fallbackChain(lang, languages = []) {
    const base = String(lang || '').split('-')[0];
    const chain = [lang, ...(RELATED[lang] || []), base, ...languages];
    return [...new Set(chain.filter(Boolean))];
}

/** A text map {lang: text} in `lang`, falling back along fallbackChain, then any text at all. */
export function pick(map, lang, languages = []) {
    if (!map || typeof map !== 'object') return '';
    for (const key of fallbackChain(lang, languages)) {
        if (map[key]) return map[key];
    }
    return Object.values(map).find(Boolean) || '';
}

/** The entry of a per-language object (such as a scene's narration) along the same chain. */
export function pickEntry(map, lang, languages = []) {
    if (!map || typeof map !== 'object') return null;
    for (const key of fallbackChain(lang, languages)) {
        if (map[key]) return map[key];
    }
    return Object.values(map)[0] || null;
}

const NAMES = {
    'zh-CN': '简体中文',
    zh: '中文',
    'zh-TW': '繁體中文（台灣）',
    'zh-HK': '繁體中文（香港）',
    'zh-Hant': '繁體中文',
    en: 'English',
    yue: '粵語',
    wuu: '吴语',
    nan: '閩南語',
    hak: '客家话',
};

/** The name of a language in its own script (dialects such as `yue` by name, not code). */
export function languageName(code) {
    if (NAMES[code]) return NAMES[code];
    try {
        const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
        if (name && name !== code) return name;
    } catch {
        // an unknown code: show it as it is
    }
    return code;
}

/**
 * The language to start with, from the hall's `languages`: the `saved` one, else the first browser language
 * the hall has (exactly, or a close written form: zh-HK finds yue, zh-TW finds zh-Hant), else by base, else the first.
 */
export function chooseLanguage(languages, wanted = [], saved = null) {
    if (saved && languages.includes(saved)) return saved;
    const find = (code) => languages.find((item) => lower(item) === lower(code));
    for (const code of wanted) {
        const exact = find(code);
        if (exact) return exact;
        const normal = Object.keys(RELATED).find((key) => lower(key) === lower(code));
        const close = (RELATED[normal] || []).map(find).find(Boolean);
        if (close) return close;
        const base = lower(code).split('-')[0];
        const sameBase = languages.find((item) => lower(item).split('-')[0] === base && !isTraditional(item));
        if (sameBase) return sameBase;
    }
    return languages[0];
}

/** The language to start with in this browser (remembered, else the browser's). */
export function initialLanguage(languages) {
    let saved = null;
    try {
        saved = localStorage.getItem(STORAGE_KEY);
    } catch {
        // storage blocked (private mode): not remembered
    }
    return chooseLanguage(languages, navigator.languages || [navigator.language], saved);
}

/** Remembers the visitor's language. */
export function rememberLanguage(lang) {
    try {
        localStorage.setItem(STORAGE_KEY, lang);
    } catch {
        // storage blocked: the choice lasts for this visit
    }
}
