// The header: the hall's and the scene's titles (and the page's title and language), following the tour
// state; a polite announcement of each new scene for screen readers; and an alert line under the titles.
import { t } from '../i18n.js';
import { LanguageChangedEvent, SceneChangedEvent } from '../tour-state.js';
import { h } from './dom.js';

export class Header {
    /** `extra` is shown under the titles (the service's view count). */
    constructor(root, { tour, state, extra = null }) {
        this.tour = tour;
        this.state = state;
        this.alertKey = null;
        this.hall = h('span', { class: 'hb-hall-title' });
        this.scene = h('h2', { class: 'hb-scene-title' });
        this.element = h('header', { class: 'hb-header' }, [this.hall, this.scene, extra]);
        this.alert = h('p', { class: 'hb-error', role: 'alert', hidden: true });
        this.announcer = h('p', { class: 'hb-offscreen', 'aria-live': 'polite' });
        root.append(this.element, this.alert, this.announcer);
        state.addEventListener(SceneChangedEvent.type, () => {
            this.render();
            this.announcer.textContent = this.state.text(this.state.scene.title);
        });
        state.addEventListener(LanguageChangedEvent.type, () => this.render());
        this.render();
    }

    /** Shows the UI string `key` under the titles, in the visitor's language (it follows a language change). */
    showAlert(key) {
        this.alertKey = key;
        this.render();
    }

    render() {
        const { lang } = this.state;
        const hall = this.state.text(this.tour.hall.title);
        const title = this.state.text(this.state.scene.title);
        this.hall.textContent = hall;
        this.scene.textContent = title;
        this.alert.hidden = !this.alertKey;
        this.alert.textContent = this.alertKey ? t(lang, this.alertKey) : '';
        document.title = title && title !== hall ? `${title} · ${hall}` : hall;
        document.documentElement.lang = lang;
    }
}
