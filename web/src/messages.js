// What a visitor reads when something goes wrong: each failure as a plain sentence in the UI's language
// that says what to do next. Pure: the failure in, a string key and its arguments out.
import { t } from './i18n.js';

/** A wait in seconds as words: "42 秒", "约 5 分钟", "约半小时", "about 2 hours". Returns [key, value]. */
export function describeWait(seconds) {
    const value = Math.max(1, Math.ceil(Number(seconds) || 0));
    if (value <= 90) return ['seconds', value];
    const minutes = value / 60;
    if (minutes < 25) return ['aboutMinutes', Math.round(minutes)];
    if (minutes < 45) return ['aboutHalfHour', null];
    if (minutes < 90) return ['aboutAnHour', null];
    return ['aboutHours', Math.round(minutes / 60)];
}

/** The wait in the UI's language. */
export function waitText(lang, seconds) {
    const [key, value] = describeWait(seconds);
    return t(lang, key, value);
}

/** The field the service objected to and its first complaint (errors look like {json: {nickname: ['…']}}). */
export function rejectedField(errors) {
    for (const location of Object.values(errors || {})) {
        if (location && typeof location === 'object') {
            const [field, problems] = Object.entries(location)[0] || [];
            if (field) return [field, String([].concat(problems)[0] ?? '')];
        }
    }
    return [null, ''];
}

/**
 * The message key for a failed request: `error` is what Api.request throws (status, retryAfter, errors) or a
 * network failure (no status). Returns [key, ...args]; the server's own English text is never shown.
 */
export function explainError(error) {
    const status = Number(error?.status) || 0;
    if (!status) return ['errorOffline'];
    if (status === 429) return error.retryAfter ? ['retryAfter', error.retryAfter] : ['retryAfter', 60];
    if (status === 409) return ['errorDuplicate'];
    if (status === 404) return ['errorMissing'];
    if (status === 400 || status === 422) {
        const [field, problem] = rejectedField(error.errors);
        const malformed = /length|long|short|required|missing|invalid/i.test(problem);
        if (!malformed && (field === 'nickname' || field === 'name')) return ['errorNickname'];
        if (!malformed && field === 'text') return ['errorText'];
        return ['errorInvalid'];
    }
    return ['errorServer'];
}

/** The visitor's message for a failed request, in `lang`. */
export function errorText(lang, error) {
    const [key, ...args] = explainError(error);
    if (key === 'retryAfter') return t(lang, key, waitText(lang, args[0]));
    return t(lang, key, ...args);
}
