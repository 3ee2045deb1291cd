// Background music: the hall's (or a scene's own) track in a loop, softer while narration or a video plays,
// with a mute button whose choice is remembered. Its code loads after the first view (app.js); the music file
// is not even asked for before the visitor presses Enter: the <audio> element gets its src only then.
import { format, uiLocale } from './i18n.js';
import { EnteredEvent, LanguageChangedEvent, SceneChangedEvent } from './tour-state.js';
import { h, icon } from './ui/dom.js';

const MUTED_KEY = 'hallbuilder:music-muted';
export const DUCKED = 0.2; // share of the music's volume kept while narration or a video plays
const FADE_MS = 600;
// Kept here rather than in strings.js, so that a hall without music loads not one byte of them.
const STRINGS = {
    'zh-CN': { musicOn: '播放背景音乐', musicOff: '关闭背景音乐' },
    'zh-Hant': { musicOn: '播放背景音樂', musicOff: '關閉背景音樂' },
    en: { musicOn: 'Turn the music on', musicOff: 'Turn the music off' },
};

/** The mute button's label in the tour's language. */
export function label(lang, muted, browserLanguages = navigator.languages || []) {
    return format(STRINGS[uiLocale(lang, browserLanguages)], STRINGS.en, muted ? 'musicOn' : 'musicOff', []);
}

/** The track a scene plays: its own, else the hall's, else none. */
export function trackOf(scene, hall) {
    return scene?.music || hall.music || null;
}

/** The volume the music aims for. */
export function targetVolume(track, { muted, ducked }) {
    if (!track || muted) return 0;
    return ducked ? track.volume * DUCKED : track.volume;
}

function remembered(storage) {
    try {
        return storage.getItem(MUTED_KEY) === '1';
    } catch {
        return false;
    }
}

export class Music {
    constructor(root, { tour, state, storage = localStorage, media = document }) {
        this.hall = tour.hall;
        this.state = state;
        this.storage = storage;
        this.muted = remembered(storage);
        this.others = new Set(); // narration and videos playing now
        this.track = null;
        this.fade = null;
        this.audio = h('audio', { id: 'hb-music', loop: true, preload: 'none' });
        this.audio.setAttribute('playsinline', '');
        this.button = h('button', { type: 'button', class: 'hb-music', onclick: () => this.toggle() }, [icon('audio')]);
        this.button.hidden = true;
        root.append(this.button, this.audio);
        this.listenToOtherMedia(media);
        state.addEventListener(SceneChangedEvent.type, ({ scene }) => this.follow(scene));
        state.addEventListener(LanguageChangedEvent.type, () => this.render());
        if (state.entered) this.follow(state.scene);
        else state.addEventListener(EnteredEvent.type, () => this.follow(state.scene), { once: true });
        this.render();
    }

    /** Media events do not bubble: every other <audio> and <video> is heard in the capture phase. */
    listenToOtherMedia(media) {
        const started = ({ target }) => {
            if (target === this.audio || !(target instanceof HTMLMediaElement)) return;
            this.others.add(target);
            this.settle();
        };
        const stopped = ({ target }) => {
            if (!this.others.delete(target)) return;
            this.settle();
        };
        media.addEventListener('playing', started, true);
        for (const type of ['pause', 'ended', 'emptied']) media.addEventListener(type, stopped, true);
    }

    /** Switches to the scene's track (after Enter only) and fades it in. */
    follow(scene) {
        if (!this.state.entered) return;
        const track = trackOf(scene, this.hall);
        if (track?.src === this.track?.src) return;
        this.track = track;
        this.render();
        if (!track) {
            this.settle();
            return;
        }
        this.audio.volume = 0;
        this.audio.src = track.src;
        this.settle();
    }

    toggle() {
        this.muted = !this.muted;
        try {
            this.storage.setItem(MUTED_KEY, this.muted ? '1' : '0');
        } catch {
            // private mode: the choice holds for this visit
        }
        this.render();
        this.settle();
    }

    /** Moves the volume to where it should be; pauses when silent (phones whose volume is fixed, too). */
    settle() {
        const target = targetVolume(this.track, { muted: this.muted, ducked: this.others.size > 0 });
        if (target > 0 && this.audio.paused && this.audio.src) this.audio.play().catch(() => {});
        clearInterval(this.fade);
        const from = this.audio.volume;
        const started = performance.now();
        this.fade = setInterval(() => {
            const share = Math.min(1, (performance.now() - started) / FADE_MS);
            this.audio.volume = from + (target - from) * share;
            if (share < 1) return;
            clearInterval(this.fade);
            // iOS keeps media at full volume whatever is set: there, silence means pause
            if (target === 0 || this.audio.volume !== target) this.audio.pause();
        }, 40);
    }

    render() {
        const text = label(this.state.lang, this.muted);
        this.button.hidden = !this.state.entered || !this.track;
        this.button.setAttribute('aria-pressed', String(!this.muted));
        this.button.setAttribute('aria-label', text);
        this.button.title = text;
    }
}
