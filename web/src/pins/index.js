// Pinned comments (720yun's 说一说): approved comments that a visitor pinned where they were looking float at
// their place in the scene, a few at a time, nearest the centre first. A switch hides them (remembered in this
// browser). Loaded after the first view; owns its markers (ids `pin-…`) and its switch, and reads nothing but
// the tour state, the viewer, the markers plugin and the service's API that it is given.
import { LanguageChangedEvent, SceneChangedEvent } from '../tour-state.js';
import { h } from '../ui/dom.js';
import { pinText } from './strings.js';
import { addStyles } from './styles.js';
import { nearestInView } from './thin.js';

const MAX_ON_SCREEN = 4;
const POLL_MS = 20000;
const HIDDEN_KEY = 'hallbuilder:pins-hidden';
const PREFIX = 'pin-';

function remembered() {
    try {
        return localStorage.getItem(HIDDEN_KEY) === '1';
    } catch {
        return false;
    }
}

function remember(hidden) {
    try {
        if (hidden) localStorage.setItem(HIDDEN_KEY, '1');
        else localStorage.removeItem(HIDDEN_KEY);
    } catch {
        // storage blocked: the choice lasts as long as the page
    }
}

export class PinnedComments {
    /** `view()` gives the current view in degrees; `api` is the service client (ui/service.js `Api`). */
    constructor({ state, viewer, markers, api, view, root }) {
        Object.assign(this, { state, viewer, markers, api, view });
        this.comments = [];
        this.shown = new Map();
        this.hidden = remembered();
        this.poll = null;
        this.frame = 0;
        addStyles();
        this.switch = h('button', { type: 'button', class: 'hb-pins-switch', onclick: () => this.toggle() });
        root.append(this.switch);
        this.renderSwitch();
        state.addEventListener(SceneChangedEvent.type, () => {
            // the last scene's pins must not be put back into the next one while it loads
            this.comments = [];
            this.thin();
            this.load();
        });
        state.addEventListener(LanguageChangedEvent.type, () => this.renderSwitch());
        const later = () => (this.frame ||= requestAnimationFrame(() => ((this.frame = 0), this.thin())));
        viewer.addEventListener('position-updated', later);
        viewer.addEventListener('zoom-updated', later);
        // The tour replaces all markers when the scene or language changes: put ours back.
        markers.addEventListener('set-markers', () => this.restore());
        this.load();
    }

    renderSwitch() {
        const label = pinText(this.state.lang, this.hidden ? 'pinsOn' : 'pinsOff');
        this.switch.setAttribute('aria-pressed', String(!this.hidden));
        this.switch.setAttribute('aria-label', label);
        this.switch.title = label;
        this.switch.textContent = '💬';
    }

    toggle() {
        this.hidden = !this.hidden;
        remember(this.hidden);
        this.renderSwitch();
        this.thin();
    }

    /** The scene's approved, pinned comments (all pages), then again every POLL_MS. */
    async load() {
        clearTimeout(this.poll);
        const scene = this.state.sceneId;
        const found = [];
        let after = 0;
        try {
            for (;;) {
                const path = `comments?scene=${encodeURIComponent(scene)}&after_id=${after}&limit=100`;
                const data = await this.api.request('GET', path);
                found.push(...(data.comments || []).filter((comment) => comment.position));
                if (!data.comments?.length || data.next_after_id === after) break;
                after = data.next_after_id;
            }
        } catch {
            // the service is away: the pins shown stay, the next poll tries again
        }
        if (scene === this.state.sceneId) {
            this.comments = found;
            this.thin();
        }
        this.poll = setTimeout(() => this.load(), POLL_MS);
    }

    /** Shows the nearest few in view, removes the rest. */
    thin() {
        const wanted = this.hidden ? [] : nearestInView(this.comments, this.view(), MAX_ON_SCREEN);
        for (const id of [...this.shown.keys()]) {
            if (wanted.includes(id)) continue;
            this.shown.delete(id);
            if (this.has(id)) this.markers.removeMarker(PREFIX + id, false);
        }
        const byId = new Map(this.comments.map((comment) => [comment.id, comment]));
        for (const id of wanted) if (!this.shown.has(id)) this.shown.set(id, markerOf(byId.get(id)));
        this.restore();
    }

    has(id) {
        return this.markers.getMarkers().some((marker) => marker.id === PREFIX + id);
    }

    /** What the comment form and list (ui/service.js) ask of the pins: the checkbox, the position, a note. */
    formHooks() {
        return {
            field: (lang) => {
                const box = h('input', { type: 'checkbox', name: 'pin' });
                return { element: h('label', { class: 'hb-check' }, [box, pinText(lang, 'pinHere')]), box };
            },
            position: () => {
                const { yaw, pitch } = this.view();
                return { yaw: ((((yaw + 180) % 360) + 360) % 360) - 180, pitch: Math.max(-90, Math.min(90, pitch)) };
            },
            note: (comment, lang) =>
                comment.position ? h('span', { class: 'hb-pin-note', text: `(${pinText(lang, 'pinnedAt')})` }) : null,
        };
    }

    restore() {
        const missing = [...this.shown].filter(([id]) => !this.has(id));
        for (const [, config] of missing) this.markers.addMarker(config, false);
        this.markers.renderMarkers();
    }
}

/** A still bubble: nickname and text, shown as text (never HTML); screen readers read the comment list. */
function markerOf(comment) {
    const bubble = h('div', { class: 'hb-pin', 'aria-hidden': 'true', 'data-comment': String(comment.id) }, [
        h('strong', { text: comment.nickname }),
        h('span', { text: comment.text }),
    ]);
    return {
        id: PREFIX + comment.id,
        element: bubble,
        position: { yaw: `${comment.position.yaw}deg`, pitch: `${comment.position.pitch}deg` },
        anchor: 'center center',
    };
}
