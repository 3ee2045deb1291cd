// The studio's UI language (zh-CN or en): from the browser, switchable, remembered in this browser.
import { format } from '../i18n.js';
import { STUDIO_STRINGS } from './strings.js';

const STORAGE_KEY = 'hallbuilder:studio-lang';
export const UI_LANGUAGES = ['zh-CN', 'en'];

/** zh-CN for a browser that asks first for any Chinese, else English. */
export function uiLanguageFor(browserLanguages, saved = null) {
    if (UI_LANGUAGES.includes(saved)) return saved;
    const first = (browserLanguages || []).find(Boolean) || 'en';
    return /^(zh|yue|cmn|hak|wuu|nan)(-|$)/i.test(first) ? 'zh-CN' : 'en';
}

let current = 'en';

/** Sets the UI language for `t` and remembers it. */
export function setUiLanguage(lang) {
    current = UI_LANGUAGES.includes(lang) ? lang : 'en';
    try {
        localStorage.setItem(STORAGE_KEY, current);
    } catch {
        // storage blocked: the choice lasts for this page
    }
    document.documentElement.lang = current;
}

/** The UI language at start: the remembered one, else the browser's. */
export function startLanguage() {
    let saved = null;
    try {
        saved = localStorage.getItem(STORAGE_KEY);
    } catch {
        // storage blocked
    }
    return uiLanguageFor(navigator.languages || [navigator.language], saved);
}

export const uiLanguage = () => current;

/** A studio UI string in the current language with {0} placeholders filled. */
export function t(key, ...args) {
    return format(STUDIO_STRINGS[current], STUDIO_STRINGS.en, key, args);
}
