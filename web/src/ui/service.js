// The hall service parts (comments, messages, view counts; showcase likes are in ../showcase/): present only when tour.json names a
// service URL. A failure is told in the UI's language (messages.js), never by the server's English text.
import { t } from '../i18n.js';
import { errorText } from '../messages.js';
import { SceneChangedEvent } from '../tour-state.js';
import { h } from './dom.js';

// The service's limits (hallbuilder/service/schemas.py): the form never takes more than the server keeps.
export const LIMITS = { nickname: 32, comment: 500, name: 64, contact: 200, message: 2000 };

const VISITOR_KEY = 'hallbuilder:visitor';
let pageVisitor = null;

/**
 * This browser's random visitor id: 128 random bits, nothing personal, kept in localStorage of the tour's own
 * origin (a cookie would be third-party when the API is elsewhere); cleared storage makes a new visitor.
 * Where storage is blocked, the id lasts as long as the page.
 */
export function visitorId() {
    try {
        const kept = localStorage.getItem(VISITOR_KEY);
        if (/^[0-9a-f]{32}$/.test(kept || '')) return kept;
    } catch {
        // storage blocked (private mode, some in-app browsers): the page's own id below
    }
    pageVisitor ||= Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
        '',
    );
    try {
        localStorage.setItem(VISITOR_KEY, pageVisitor);
    } catch {
        // not kept: the next page is a new visitor
    }
    return pageVisitor;
}

/** Thin JSON client for `<base>/halls/<hall-id>/...`; writes carry the visitor id, reads stay plain (cacheable). */
export class Api {
    constructor(base, hallId) {
        this.root = `${String(base).replace(/\/+$/, '')}/halls/${encodeURIComponent(hallId)}/`;
    }

    url(path) {
        return new URL(this.root + path, location.href).href;
    }

    async request(method, path, body = undefined, headers = {}) {
        if (method !== 'GET') headers = { 'X-Visitor-Id': visitorId(), ...headers };
        const response = await fetch(this.url(path), {
            method,
            headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
            body: body === undefined ? undefined : JSON.stringify(body),
            credentials: 'omit',
        });
        if (response.status === 204) return {};
        const data = await response.json().catch(() => ({}));
        if (!response.ok) {
            const error = new Error(data.message || `HTTP ${response.status}`);
            error.status = response.status;
            error.retryAfter = response.headers.get('Retry-After');
            error.errors = data.errors || {};
            throw error;
        }
        return data;
    }

    /** Counts a view; sendBeacon survives the page closing (it sends no headers: the visitor id is in the body). */
    view(scene) {
        const body = JSON.stringify({ scene, visitor: visitorId() });
        if (navigator.sendBeacon && navigator.sendBeacon(this.url('views'), new Blob([body], { type: 'text/plain' })))
            return;
        this.request('POST', 'views', { scene }).catch(() => {});
    }
}

/** The service parts of the tour: counts each scene's views, shows comments and the message form in `panel`. */
export class Service {
    constructor({ state, tour, panel, config }) {
        this.state = state;
        this.panel = panel;
        this.api = new Api(config.url, tour.hall.id);
        this.poll = null;
        this.viewsLabel = h('span', { class: 'hb-views', 'aria-live': 'off' });
        state.addEventListener(SceneChangedEvent.type, ({ scene }) => this.enter(scene.id));
        this.enter(state.sceneId);
    }

    /** Entries for the More menu (see Toolbar.addMenuItems). */
    menuItems() {
        const entry = (name, icon, order, key, action) => ({
            name,
            icon,
            order,
            closes: false,
            label: (lang) => t(lang, key),
            action,
        });
        return [
            entry('comment', 'comment', 70, 'comments', () => this.openComments()),
            entry('message', 'edit', 80, 'message', () => this.openMessage()),
        ];
    }

    /** Remote announcements for the banner (empty on any error). */
    async announcements() {
        try {
            return (await this.api.request('GET', 'announcements')).announcements || [];
        } catch {
            return [];
        }
    }

    /** Counts the view of a scene and refreshes the view count shown. */
    enter(sceneId) {
        this.api.view(sceneId);
        this.api.request('GET', 'stats').then(
            (stats) => {
                const views = stats.scenes?.[sceneId]?.views ?? stats.views;
                this.viewsLabel.textContent = Number.isFinite(views) ? t(this.state.lang, 'views', views) : '';
            },
            () => {},
        );
    }

    /** The comments panel of the current scene, polled every 8-12 s while open. */
    openComments() {
        const { lang, sceneId: scene } = this.state;
        const list = h('ol', { class: 'hb-comments' });
        const status = h('p', { class: 'hb-status', role: 'status' });
        let after = 0;
        const add = (comment) =>
            list.append(
                h('li', { class: 'hb-comment' }, [
                    h('strong', { text: comment.nickname }),
                    this.pinning?.note(comment, lang),
                    h('time', {
                        datetime: comment.created_at,
                        text: new Date(comment.created_at).toLocaleString(lang),
                    }),
                    h('p', { text: comment.text }),
                ]),
            );
        const load = async () => {
            try {
                const data = await this.api.request(
                    'GET',
                    `comments?scene=${encodeURIComponent(scene)}&after_id=${after}&limit=50`,
                );
                (data.comments || []).forEach(add);
                after = data.next_after_id ?? after;
                if (!list.children.length) status.textContent = t(lang, 'commentsEmpty');
                else if (status.textContent === t(lang, 'commentsEmpty')) status.textContent = '';
            } catch (error) {
                status.textContent = errorText(lang, error);
            }
        };
        const nickname = h('input', {
            name: 'nickname',
            required: true,
            maxlength: LIMITS.nickname,
            autocomplete: 'nickname',
        });
        const text = h('textarea', { name: 'text', required: true, maxlength: LIMITS.comment, rows: 3 });
        const website = h('input', {
            name: 'website',
            tabindex: -1,
            autocomplete: 'off',
            class: 'hb-offscreen',
            'aria-hidden': 'true',
        });
        const pin = this.pinning?.field(lang); // pins/index.js, once loaded after the first view
        const form = h('form', { class: 'hb-form' }, [
            h('label', {}, [t(lang, 'nickname'), nickname]),
            h('label', {}, [t(lang, 'commentText'), text]),
            pin?.element,
            website,
            h('button', { type: 'submit', class: 'hb-button hb-button--primary', text: t(lang, 'send') }),
        ]);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            try {
                const result = await this.api.request('POST', 'comments', {
                    nickname: nickname.value,
                    text: text.value,
                    scene,
                    position: pin?.box.checked ? this.pinning.position() : undefined,
                    website: website.value,
                });
                status.textContent = t(lang, result.comment?.status === 'published' ? 'published' : 'sent');
                text.value = '';
                if (result.comment?.status === 'published') load();
            } catch (error) {
                status.textContent = errorText(lang, error);
            }
        });
        this.panel.open('comments', t(lang, 'comments'), [list, status, form], () => clearTimeout(this.poll));
        const tick = async () => {
            await load();
            if (this.panel.name === 'comments') this.poll = setTimeout(tick, 8000 + Math.random() * 4000);
        };
        tick();
    }

    /** The private message form. */
    openMessage() {
        const { lang } = this.state;
        const status = h('p', { class: 'hb-status', role: 'status' });
        const name = h('input', { name: 'name', required: true, maxlength: LIMITS.name, autocomplete: 'name' });
        const contact = h('input', { name: 'contact', maxlength: LIMITS.contact });
        const text = h('textarea', { name: 'text', required: true, maxlength: LIMITS.message, rows: 5 });
        const website = h('input', {
            name: 'website',
            tabindex: -1,
            autocomplete: 'off',
            class: 'hb-offscreen',
            'aria-hidden': 'true',
        });
        const form = h('form', { class: 'hb-form' }, [
            h('label', {}, [t(lang, 'name'), name]),
            h('label', {}, [t(lang, 'contact'), contact]),
            h('label', {}, [t(lang, 'messageText'), text]),
            website,
            h('button', { type: 'submit', class: 'hb-button hb-button--primary', text: t(lang, 'send') }),
        ]);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            try {
                await this.api.request('POST', 'messages', {
                    name: name.value,
                    contact: contact.value || undefined,
                    text: text.value,
                    website: website.value,
                });
                status.textContent = t(lang, 'messageSent');
                form.reset();
            } catch (error) {
                status.textContent = errorText(lang, error);
            }
        });
        this.panel.open('message', t(lang, 'message'), [form, status]);
    }
}
