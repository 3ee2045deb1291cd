// The guided tour ("one-click tour"): scenes in order, a gentle camera turn, narration, then the next.
import { t } from '../i18n.js';
import { LanguageChangedEvent, LookRequestedEvent, SceneChangedEvent } from '../tour-state.js';
import { h, icon } from './dom.js';
import { NarrationEndedEvent } from './narration.js';

const DWELL_MS = 9000; // a scene without narration is shown this long
const TURN_DEG_PER_S = 4;
const BY_GUIDE = 'guide';

export class GuideChangedEvent extends Event {
    static type = 'guide-changed';
    constructor(active) {
        super(GuideChangedEvent.type);
        this.active = active;
    }
}

/**
 * Dispatches GuideChangedEvent when it starts, pauses, moves on or stops. Moves through `state`, plays
 * `narration`, turns the `stage`'s camera; stops when the visitor goes somewhere themselves.
 */
export class GuidedTour extends EventTarget {
    constructor(root, { state, tour, narration, stage, reducedMotion }) {
        super();
        Object.assign(this, { state, tour, narration, stage, reducedMotion });
        this.active = false;
        this.paused = false;
        this.index = 0;
        this.timer = null;
        this.frame = null;
        this.status = h('span', { class: 'hb-guide-status', 'aria-live': 'polite' });
        this.pauseButton = h('button', {
            type: 'button',
            class: 'hb-guide-pause',
            onclick: () => (this.paused ? this.resume() : this.pause()),
        });
        this.skipButton = h('button', { type: 'button', class: 'hb-guide-skip', onclick: () => this.next() }, [
            icon('skip'),
        ]);
        this.stopButton = h('button', { type: 'button', class: 'hb-guide-stop', onclick: () => this.stop() }, [
            icon('stop'),
        ]);
        this.bar = h('div', { class: 'hb-guide', role: 'group', hidden: true }, [
            this.status,
            this.pauseButton,
            this.skipButton,
            this.stopButton,
        ]);
        root.append(this.bar);
        state.addEventListener(LanguageChangedEvent.type, () => this.render());
        const movedByVisitor = ({ by }) => this.active && by !== BY_GUIDE && this.stop();
        state.addEventListener(SceneChangedEvent.type, movedByVisitor);
        state.addEventListener(LookRequestedEvent.type, movedByVisitor);
        narration.addEventListener(NarrationEndedEvent.type, () => this.active && !this.paused && this.next());
    }

    get scenes() {
        return this.tour.scenes;
    }

    /** Starts here, or from the hall's start when this is the last scene (a one-scene tour is no tour). */
    start() {
        const current = this.scenes.findIndex((scene) => scene.id === this.state.sceneId);
        const start = Math.max(
            0,
            this.scenes.findIndex((scene) => scene.id === this.tour.hall.start),
        );
        this.active = true;
        this.paused = false;
        this.narration.wanted = true;
        this.show(current < 0 || current === this.scenes.length - 1 ? start : current);
    }

    /** The toolbar's button: starts the guided tour, or stops it. */
    toggle() {
        if (this.active) this.stop();
        else this.start();
    }

    async show(index) {
        this.clear();
        this.index = index;
        this.render();
        const scene = this.scenes[index];
        if (scene.id !== this.state.sceneId) {
            this.state.goTo(scene.id, { push: true, by: BY_GUIDE });
            await this.stage.whenShown(scene.id);
        } else this.narration.play();
        if (!this.active || this.index !== index) return;
        if (!this.narration.hasAudio) this.timer = setTimeout(() => this.next(), DWELL_MS);
        this.turn();
    }

    /** Turns the camera slowly while the scene plays (not when motion is reduced). */
    turn() {
        if (this.reducedMotion) return;
        let last = performance.now();
        const step = (now) => {
            if (!this.active || this.paused) return;
            this.stage.turn(((now - last) / 1000) * TURN_DEG_PER_S);
            last = now;
            this.frame = requestAnimationFrame(step);
        };
        this.frame = requestAnimationFrame(step);
    }

    next() {
        if (!this.active) return;
        if (this.index + 1 >= this.scenes.length) {
            this.stop();
            return;
        }
        this.show(this.index + 1);
    }

    pause() {
        this.paused = true;
        this.clear();
        this.narration.audio.pause();
        this.render();
    }

    resume() {
        this.paused = false;
        this.render();
        if (this.narration.hasAudio) {
            this.narration.play();
        } else {
            this.timer = setTimeout(() => this.next(), DWELL_MS);
        }
        this.turn();
    }

    stop() {
        this.active = false;
        this.paused = false;
        this.clear();
        this.render();
    }

    clear() {
        clearTimeout(this.timer);
        cancelAnimationFrame(this.frame);
        this.timer = null;
        this.frame = null;
    }

    render() {
        const { lang } = this.state;
        this.bar.hidden = !this.active;
        this.status.textContent = `${t(lang, 'guide')} ${this.index + 1} / ${this.scenes.length}`;
        this.pauseButton.replaceChildren(icon(this.paused ? 'play' : 'pause'));
        this.pauseButton.setAttribute('aria-label', t(lang, this.paused ? 'guideResume' : 'guidePause'));
        this.skipButton.setAttribute('aria-label', t(lang, 'guideSkip'));
        this.stopButton.setAttribute('aria-label', t(lang, 'guideStop'));
        this.dispatchEvent(new GuideChangedEvent(this.active));
    }
}
