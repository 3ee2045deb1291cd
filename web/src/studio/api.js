// The studio's JSON API (docs/studio-api.md): one error shape, the UI language on every request, the CSRF
// token on every write, and uploads with progress.
import { uiLanguage } from './lang.js';

/** A refused request: `code` ("conflict", "invalid", …), the message, the problems by field, the version. */
export class ApiError extends Error {
    constructor(status, error = {}) {
        super(error.message || `HTTP ${status}`);
        this.status = status;
        this.code = error.code || (status === 0 ? 'network' : 'error');
        this.problems = error.problems || [];
        this.version = error.version || null;
    }
}

let csrf = '';

/** Remembers the CSRF token from GET /api/session for every write. */
export function setCsrf(token) {
    csrf = token || '';
}

function headers(json) {
    const result = { 'Accept-Language': uiLanguage(), Accept: 'application/json' };
    if (json) result['Content-Type'] = 'application/json';
    if (csrf) result['X-CSRF-Token'] = csrf;
    return result;
}

async function answer(response) {
    let body;
    try {
        body = await response.json();
    } catch {
        body = null;
    }
    if (!response.ok) throw new ApiError(response.status, body?.error || { message: response.statusText });
    return body;
}

/** GET a JSON resource. */
export async function get(path) {
    let response;
    try {
        response = await fetch(path, { headers: headers(false), cache: 'no-store' });
    } catch (error) {
        throw new ApiError(0, { message: String(error) });
    }
    return answer(response);
}

/** POST (or another method) a JSON body. */
export async function send(method, path, body) {
    let response;
    try {
        response = await fetch(path, {
            method,
            headers: headers(body !== undefined),
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch (error) {
        throw new ApiError(0, { message: String(error) });
    }
    return answer(response);
}

/** POSTs a multipart form, calling onProgress(0..1) as it uploads (fetch cannot report upload progress). */
export function upload(path, form, onProgress = () => {}) {
    return new Promise((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open('POST', path);
        for (const [key, value] of Object.entries(headers(false))) request.setRequestHeader(key, value);
        request.upload.addEventListener('progress', (event) => {
            if (event.lengthComputable) onProgress(event.loaded / event.total);
        });
        request.addEventListener('load', () => {
            let body;
            try {
                body = JSON.parse(request.responseText);
            } catch {
                body = null;
            }
            if (request.status >= 200 && request.status < 300) resolve(body);
            else reject(new ApiError(request.status, body?.error || { message: request.statusText }));
        });
        request.addEventListener('error', () => reject(new ApiError(0, { message: 'network error' })));
        request.send(form);
    });
}
