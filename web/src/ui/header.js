// The header: the hall's and the scene's titles (and the page title), following the tour state.
import { pick } from '../i18n.js';
import { LanguageChangedEvent, SceneChangedEvent } from '../tour-state.js';
import { h } from './dom.js';

export class Header {
    /** `extra` is shown under the titles (the service's view count). */
    constructor(root, { tour, state, extra = null }) {
        this.tour = tour;
        this.state = state;
        this.hall = h('span', { class: 'hb-hall-title' });
        this.scene = h('h2', { class: 'hb-scene-title' });
        this.element = h('header', { class: 'hb-header' }, [this.hall, this.scene, extra]);
        root.append(this.element);
        state.addEventListener(SceneChangedEvent.type, () => this.render());
        state.addEventListener(LanguageChangedEvent.type, () => this.render());
        this.render();
    }

    render() {
        const { lang } = this.state;
        const languages = this.tour.hall.languages;
        const hall = pick(this.tour.hall.title, lang, languages);
        const title = pick(this.state.scene.title, lang, languages);
        this.hall.textContent = hall;
        this.scene.textContent = title;
        document.title = title && title !== hall ? `${title} · ${hall}` : hall;
    }
}
