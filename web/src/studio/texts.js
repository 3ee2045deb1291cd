// Texts per language as hall.yaml holds them: one plain string (every language) or a map {lang: text}.
// Pure functions: what a field shows, and the edit op that writes a changed field.

/** The text a language's field shows: the map's entry, or a plain string in the first language's field. */
export function textIn(value, lang, languages) {
    if (value && typeof value === 'object') return String(value[lang] ?? '');
    if (typeof value === 'string') return lang === languages[0] ? value : '';
    return '';
}

/**
 * The op that writes `text` in `lang` at `path`, keeping the other languages. A plain string becomes a map
 * (it was the first language's text); a map left empty deletes the key.
 */
export function textOp(path, value, lang, text, languages) {
    let map = {};
    if (value && typeof value === 'object') map = { ...value };
    else if (typeof value === 'string' && value) map = { [languages[0]]: value };
    if (text.trim()) map[lang] = text;
    else delete map[lang];
    if (Object.keys(map).length === 0) return { op: 'delete', path };
    return { op: 'set', path, value: map };
}

/** A display text: the language's, else the first that exists (for lists and thumbnails). */
export function anyText(value, lang) {
    if (value && typeof value === 'object') return String(value[lang] || Object.values(value).find(Boolean) || '');
    return typeof value === 'string' ? value : '';
}
