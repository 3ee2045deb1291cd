// Background music: the hall's (or a scene's own) track in a loop, softer while narration or a video plays,
// with a mute button whose choice is remembered. Its code loads after the first view (app.js); the music file
// is not even asked for before the visitor presses Enter: the <audio> element gets its src only then.
// It imports nothing: a chunk sharing modules with the first view's would split them out of it and cost the
// first view a request and 200 bytes. So the tour state's event names are written out (tour-state.js) and
// the UI table is chosen by the `locale` function app.js passes (i18n.js uiLocale).
const ENTERED = 'entered';
const SCENE_CHANGED = 'scene-changed';
const LANGUAGE_CHANGED = 'language-changed';
const SPEAKER = 'M4 9h4l5-4v14l-5-4H4zM16 8a5 5 0 0 1 0 8M18.5 5.5a9 9 0 0 1 0 13'; // ui/dom.js ICONS.audio
const SVG = 'http://www.w3.org/2000/svg';

const MUTED_KEY = 'hallbuilder:music-muted';
export const DUCKED = 0.2; // share of the music's volume kept while narration or a video plays
const FADE_MS = 600;
// Kept here rather than in strings.js, so that a hall without music loads not one byte of them.
const STRINGS = {
    'zh-CN': { musicOn: '播放背景音乐', musicOff: '关闭背景音乐' },
    'zh-Hant': { musicOn: '播放背景音樂', musicOff: '關閉背景音樂' },
    en: { musicOn: 'Turn the music on', musicOff: 'Turn the music off' },
};

/** The mute button's label in a UI table ('zh-CN', 'zh-Hant' or 'en'): what pressing it does. */
export function label(locale, muted) {
    return (STRINGS[locale] || STRINGS.en)[muted ? 'musicOn' : 'musicOff'];
}

function speakerIcon() {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.classList.add('hb-icon');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', SPEAKER);
    svg.append(path);
    return svg;
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
    constructor(root, { tour, state, locale, storage = localStorage, media = document }) {
        this.hall = tour.hall;
        this.state = state;
        this.locale = locale;
        this.storage = storage;
        this.muted = remembered(storage);
        this.others = new Set(); // narration and videos playing now
        this.track = null;
        this.fade = null;
        this.audio = document.createElement('audio');
        Object.assign(this.audio, { id: 'hb-music', loop: true, preload: 'none' });
        this.audio.setAttribute('playsinline', '');
        this.button = document.createElement('button');
        Object.assign(this.button, { type: 'button', className: 'hb-music', hidden: true });
        this.button.append(speakerIcon());
        this.button.addEventListener('click', () => this.toggle());
        root.append(this.button, this.audio);
        this.listenToOtherMedia(media);
        state.addEventListener(SCENE_CHANGED, ({ scene }) => this.follow(scene));
        state.addEventListener(LANGUAGE_CHANGED, () => this.render());
        if (state.entered) this.follow(state.scene);
        else state.addEventListener(ENTERED, () => this.follow(state.scene), { once: true });
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
        const text = label(this.locale(this.state.lang), this.muted);
        this.button.hidden = !this.state.entered || !this.track;
        this.button.setAttribute('aria-pressed', String(!this.muted));
        this.button.setAttribute('aria-label', text);
        this.button.title = text;
    }
}
