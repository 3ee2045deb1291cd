// Narration: one <audio> element, play/pause, progress, transcript, and a caption line that follows the
// audio (on by default, the visitor's choice remembered). Follows the tour state's scene and language;
// announces NarrationEndedEvent (the guided tour moves on).
import { cueAt, parseVtt } from '../captions.js';
import { t } from '../i18n.js';
import { LanguageChangedEvent, SceneChangedEvent } from '../tour-state.js';
import { h, icon, paragraphs } from './dom.js';

const CAPTIONS_KEY = 'hallbuilder:captions';

function captionsWanted() {
    try {
        return localStorage.getItem(CAPTIONS_KEY) !== 'off';
    } catch {
        return true;
    }
}

/** A scene's narration played to its end. */
export class NarrationEndedEvent extends Event {
    static type = 'narration-ended';
    constructor() {
        super(NarrationEndedEvent.type);
    }
}

export class Narration extends EventTarget {
    /** Shows in `root`; the transcript opens in `panel`. */
    constructor(root, { state, panel }) {
        super();
        this.state = state;
        this.panel = panel;
        this.audio = h('audio', { preload: 'none', class: 'hb-audio' });
        this.audio.setAttribute('playsinline', '');
        this.button = h('button', { type: 'button', class: 'hb-narration-toggle', onclick: () => this.toggle() });
        this.progress = h('progress', { class: 'hb-narration-progress', max: 1, value: 0 });
        this.transcriptButton = h(
            'button',
            { type: 'button', class: 'hb-narration-transcript', onclick: () => this.showTranscript() },
            [icon('transcript')],
        );
        this.captionsButton = h(
            'button',
            { type: 'button', class: 'hb-narration-captions', onclick: () => this.toggleCaptions() },
            [icon('captions')],
        );
        this.bar = h('div', { class: 'hb-narration', role: 'group', hidden: true }, [
            this.button,
            this.progress,
            this.captionsButton,
            this.transcriptButton,
            this.audio,
        ]);
        this.caption = h('p', { class: 'hb-caption', hidden: true, 'aria-hidden': 'true' });
        root.append(this.caption, this.bar);
        this.captionsOn = captionsWanted();
        this.cues = [];
        this.cuesFor = '';
        this.wanted = false; // the visitor wants narration to play (set by Enter, play and pause)
        this.audio.addEventListener('timeupdate', () => {
            this.updateProgress();
            this.showCaption();
        });
        this.audio.addEventListener('play', () => this.render());
        this.audio.addEventListener('pause', () => this.render());
        this.audio.addEventListener('ended', () => {
            this.render();
            if (!this.unlocking) this.dispatchEvent(new NarrationEndedEvent());
        });
        this.scene = null;
        this.src = '';
        this.unlocking = false;
        state.addEventListener(SceneChangedEvent.type, ({ scene }) => this.load(scene));
        state.addEventListener(LanguageChangedEvent.type, () => this.load(state.scene));
        this.load(state.scene);
    }

    /** The narration entry of a scene in the current language, else along the language fallback. */
    entry(scene) {
        return this.state.entry(scene?.narration);
    }

    /** Loads the captions of the current entry once (a failed load just shows none). */
    async loadCaptions(entry) {
        const url = entry?.captions || '';
        if (url === this.cuesFor) return;
        this.cuesFor = url;
        this.cues = [];
        if (!url) return;
        try {
            const response = await fetch(url);
            if (response.ok && this.cuesFor === url) this.cues = parseVtt(await response.text());
        } catch {
            // offline: the transcript is still there
        }
        this.showCaption();
    }

    showCaption() {
        const playing = !this.audio.paused && !this.unlocking;
        const text = this.captionsOn && playing ? cueAt(this.cues, this.audio.currentTime) : '';
        if (this.caption.textContent !== text) this.caption.textContent = text;
        this.caption.hidden = !text;
    }

    toggleCaptions() {
        this.captionsOn = !this.captionsOn;
        try {
            localStorage.setItem(CAPTIONS_KEY, this.captionsOn ? 'on' : 'off');
        } catch {
            // storage blocked: the choice lasts for this visit
        }
        this.render();
        this.showCaption();
    }

    /** Loads a scene's narration; plays it when the visitor wants narration. */
    load(scene) {
        this.scene = scene;
        this.src = this.entry(scene)?.audio || '';
        this.loadCaptions(this.entry(scene));
        if (!this.unlocking && (this.audio.getAttribute('src') || '') !== this.src) this.apply();
        this.render();
        if (this.src && this.wanted && !this.unlocking) this.play();
    }

    /** Puts the wanted source on the element (nothing is fetched before play: preload is none). */
    apply() {
        this.unlocking = false;
        this.audio.pause();
        if (this.src) this.audio.setAttribute('src', this.src);
        else this.audio.removeAttribute('src');
        this.audio.load();
    }

    get hasAudio() {
        return Boolean(this.src);
    }

    play() {
        this.wanted = true;
        if (!this.src) return Promise.resolve(false);
        if (this.unlocking || this.audio.getAttribute('src') !== this.src) this.apply();
        return this.audio.play().then(
            () => true,
            () => false, // autoplay refused: the play button stays
        );
    }

    pause() {
        this.wanted = false;
        this.audio.pause();
    }

    toggle() {
        if (this.audio.paused) this.play();
        else this.pause();
    }

    /**
     * Called inside the Enter tap: a user gesture lets later narration play on iOS and in WeChat.
     * With `later`, the element is unlocked with a generated moment of silence (no download), and the
     * narration starts once the viewer shows the first view sharply: the picture gets the bandwidth first.
     */
    unlock(later = false) {
        this.wanted = true;
        if (!later) {
            if (this.src) this.play();
            return;
        }
        this.unlocking = true;
        this.audio.src = silence();
        this.audio.play().catch(() => {});
    }

    /** Once the first view is sharp: the narration Enter asked for, if it is still wanted. */
    startAfterUnlock() {
        if (this.wanted && this.unlocking) this.play();
    }

    updateProgress() {
        const duration = this.audio.duration;
        this.progress.value = Number.isFinite(duration) && duration > 0 ? this.audio.currentTime / duration : 0;
    }

    render() {
        const { lang } = this.state;
        const entry = this.entry(this.scene);
        this.bar.hidden = !entry;
        const playing = !this.audio.paused && !this.unlocking;
        this.button.replaceChildren(icon(playing ? 'pause' : 'play'));
        this.button.setAttribute('aria-label', t(lang, playing ? 'pause' : 'play'));
        this.button.disabled = !this.src;
        this.progress.setAttribute('aria-label', t(lang, 'narration'));
        this.transcriptButton.setAttribute('aria-label', t(lang, 'transcript'));
        this.transcriptButton.setAttribute('title', t(lang, 'transcript'));
        this.transcriptButton.hidden = !entry?.transcript;
        this.captionsButton.hidden = !entry?.captions;
        this.captionsButton.setAttribute('aria-label', t(lang, 'captions'));
        this.captionsButton.setAttribute('title', t(lang, 'captions'));
        this.captionsButton.setAttribute('aria-pressed', String(this.captionsOn));
        this.showCaption();
    }

    showTranscript() {
        const entry = this.entry(this.scene);
        const title = `${t(this.state.lang, 'transcript')} · ${this.state.text(this.scene.title)}`;
        this.panel.open('transcript', title, paragraphs(entry?.transcript));
    }
}

let silentUrl = null;

/** A 50 ms silent WAV as a blob: URL, made once. */
function silence() {
    if (silentUrl) return silentUrl;
    const rate = 8000;
    const samples = rate / 20;
    const buffer = new ArrayBuffer(44 + samples);
    const view = new DataView(buffer);
    const text = (offset, value) =>
        [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
    text(0, 'RIFF');
    view.setUint32(4, 36 + samples, true);
    text(8, 'WAVEfmt ');
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true); // PCM
    view.setUint16(22, 1, true); // mono
    view.setUint32(24, rate, true);
    view.setUint32(28, rate, true);
    view.setUint16(32, 1, true);
    view.setUint16(34, 8, true); // 8-bit: silence is 128
    text(36, 'data');
    view.setUint32(40, samples, true);
    new Uint8Array(buffer, 44).fill(128);
    silentUrl = URL.createObjectURL(new Blob([buffer], { type: 'audio/wav' }));
    return silentUrl;
}
