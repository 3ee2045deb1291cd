// The cover: the static page's title, description and Enter button, in the visitor's language. Until
// Enter nothing behind it can be tapped or focused (the stage is inert), so the first Tab lands on Enter.
// The Enter tap is also the one user gesture that unlocks audio and the iOS motion permission.
import { pick, t } from '../i18n.js';
import { whenStyled } from '../page.js';
import { EnteredEvent, LanguageChangedEvent } from '../tour-state.js';

export class Cover {
    /**
     * Works on the static `page`'s cover, Enter button, stage and stylesheet (see page.js). `onEnter` runs
     * inside the Enter tap (audio unlock), before the state announces EnteredEvent.
     */
    constructor({ tour, state, page, onEnter }) {
        this.tour = tour;
        this.state = state;
        this.cover = page.cover;
        this.enter = page.enter;
        this.stage = page.stage;
        if (!this.cover || !this.enter) {
            state.enter();
            return;
        }
        this.stage.inert = true;
        this.showEnterOnceStyled(page.css);
        this.enter.addEventListener('click', () => {
            onEnter();
            askForMotion();
            this.stage.inert = false;
            this.cover.hidden = true;
            page.app.classList.add('hb-entered');
            state.enter();
        });
        state.addEventListener(LanguageChangedEvent.type, () => this.render());
        state.addEventListener(EnteredEvent.type, () => (this.cover.hidden = true));
        this.render();
    }

    /** The full stylesheet loads without blocking the first paint; Enter shows once it applies. */
    showEnterOnceStyled(css) {
        whenStyled(css).then(() => (this.enter.hidden = false));
        if (css) css.media = 'all';
    }

    render() {
        const { lang } = this.state;
        const { hall } = this.tour;
        this.enter.textContent = t(lang, 'enter');
        for (const [selector, text] of [
            ['.hb-cover-title', hall.title],
            ['.hb-cover-subtitle', hall.subtitle],
            ['.hb-cover-description', hall.description],
        ]) {
            const node = this.cover.querySelector(selector);
            if (node) node.textContent = pick(text, lang, hall.languages);
        }
    }
}

/** iOS asks for motion access only inside a tap; the gyroscope plugin asks again later if it needs to. */
function askForMotion() {
    const request = window.DeviceOrientationEvent?.requestPermission;
    if (typeof request === 'function') request.call(window.DeviceOrientationEvent).catch(() => {});
}
