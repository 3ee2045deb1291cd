// Announcements: a dismissible banner for the newest one, and the list. Service HTML is sanitised
// server-side; it still goes through a <template> with scripts, handlers and javascript: links removed.
import { pick, t } from '../i18n.js';
import { LanguageChangedEvent } from '../tour-state.js';
import { h, icon } from './dom.js';

const DISMISSED_KEY = 'hallbuilder:dismissed';

function dismissed() {
    try {
        return new Set(JSON.parse(localStorage.getItem(DISMISSED_KEY) || '[]'));
    } catch {
        return new Set();
    }
}

function remember(id) {
    const ids = dismissed();
    ids.add(id);
    try {
        localStorage.setItem(DISMISSED_KEY, JSON.stringify([...ids].slice(-50)));
    } catch {
        // storage blocked: dismissed for this visit only
    }
}

/** A DocumentFragment from already-sanitised HTML, with anything executable stripped again. */
export function safeFragment(html) {
    const template = document.createElement('template');
    // Handler attributes go before parsing too: Chrome reports them against the CSP as soon as they parse.
    template.innerHTML = String(html || '').replace(/[\s/]on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ' ');
    template.content
        .querySelectorAll('script, style, iframe, object, embed, link, meta, base, form')
        .forEach((node) => node.remove());
    for (const node of template.content.querySelectorAll('*')) {
        for (const attribute of [...node.attributes]) {
            const name = attribute.name.toLowerCase();
            const value = attribute.value.trim().toLowerCase();
            if (
                name.startsWith('on') ||
                name === 'style' ||
                (['href', 'src', 'xlink:href', 'action'].includes(name) && /^(javascript|data|vbscript):/.test(value))
            ) {
                node.removeAttribute(attribute.name);
            }
        }
        if (node.tagName === 'A') {
            node.setAttribute('rel', 'noopener noreferrer');
            node.setAttribute('target', '_blank');
        }
    }
    return template.content;
}

/** Normalises tour.json announcements and service ones into {id, title, body(): Node, date}, newest first. */
export function collect(announcements, remote, lang, languages = []) {
    const local = announcements.map((item) => ({
        id: `tour-${item.id}`,
        title: pick(item.title, lang, languages),
        body: () => h('p', { text: pick(item.text, lang, languages) }),
        date: item.date,
    }));
    const fromService = remote.map((item) => ({
        id: `service-${item.id}`,
        title: typeof item.title === 'object' ? pick(item.title, lang, languages) : String(item.title || ''),
        body: () => h('div', { class: 'hb-announcement-html' }, [safeFragment(item.html)]),
        date: String(item.date || ''),
    }));
    return [...fromService, ...local].sort((a, b) => (a.date < b.date ? 1 : -1));
}

/** The banner (in `root`) and the list (in `panel`) of the tour's announcements and the `service`'s. */
export class Announcements {
    constructor(root, { state, tour, panel, service = null }) {
        this.state = state;
        this.tour = tour;
        this.panel = panel;
        this.items = [];
        this.remote = [];
        this.banner = h('div', { class: 'hb-banner', role: 'region', hidden: true });
        root.append(this.banner);
        state.addEventListener(LanguageChangedEvent.type, () => this.refresh());
        this.refresh();
        service?.announcements().then((remote) => this.setRemote(remote));
    }

    /** The More menu's entry (see Toolbar.addMenuItems). */
    menuItems() {
        const label = (lang) => t(lang, 'announcements');
        return [{ name: 'announcements', icon: 'bell', order: 50, closes: false, label, action: () => this.open() }];
    }

    /** The service's announcements beside the tour's own. */
    setRemote(remote) {
        this.remote = remote;
        this.refresh();
    }

    refresh() {
        this.items = collect(this.tour.announcements, this.remote, this.state.lang, this.state.languages);
        this.render();
    }

    render() {
        const { lang } = this.state;
        const hidden = dismissed();
        const first = this.items.find((item) => !hidden.has(item.id));
        this.banner.hidden = !first;
        this.banner.replaceChildren();
        if (!first) return;
        this.banner.setAttribute('aria-label', t(lang, 'announcements'));
        this.banner.append(
            h('button', { type: 'button', class: 'hb-banner-open', onclick: () => this.open() }, [
                icon('bell'),
                h('span', { text: first.title }),
            ]),
            h(
                'button',
                {
                    type: 'button',
                    class: 'hb-banner-close',
                    'aria-label': t(lang, 'dismiss'),
                    onclick: () => {
                        remember(first.id);
                        this.render();
                    },
                },
                [icon('close')],
            ),
        );
    }

    open() {
        const { lang } = this.state;
        const list = this.items.map((item) =>
            h('article', { class: 'hb-announcement' }, [
                h('h3', { text: item.title }),
                h('time', { datetime: item.date, text: item.date }),
                item.body(),
            ]),
        );
        this.panel.open('announcements', t(lang, 'announcements'), list.length ? list : h('p', { text: '—' }));
    }
}
