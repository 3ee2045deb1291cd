// Narration: one <audio> element, play/pause, progress, transcript; tells the guided tour when it ends.
import { pick, t } from '../i18n.js';
import { h, icon } from './dom.js';

export class Narration {
    constructor(root, ctx) {
        this.ctx = ctx;
        this.audio = h('audio', { preload: 'none', class: 'hb-audio' });
        this.audio.setAttribute('playsinline', '');
        this.button = h('button', { type: 'button', class: 'hb-narration-toggle', onclick: () => this.toggle() });
        this.progress = h('progress', { class: 'hb-narration-progress', max: 1, value: 0 });
        this.transcriptButton = h('button', { type: 'button', class: 'hb-narration-transcript', onclick: () => this.showTranscript() });
        this.bar = h('div', { class: 'hb-narration', role: 'group', hidden: true }, [this.button, this.progress, this.transcriptButton, this.audio]);
        root.append(this.bar);
        this.wanted = false; // the visitor wants narration to play (set by Enter, play and pause)
        this.onended = null;
        this.audio.addEventListener('timeupdate', () => this.updateProgress());
        this.audio.addEventListener('play', () => this.render());
        this.audio.addEventListener('pause', () => this.render());
        this.audio.addEventListener('ended', () => {
            this.render();
            this.onended?.();
        });
        this.scene = null;
    }

    /** The narration entry of a scene in the current language (else the hall's first language). */
    entry(scene) {
        const { lang, languages } = this.ctx;
        const narration = scene?.narration || {};
        return narration[lang] || narration[languages[0]] || Object.values(narration)[0] || null;
    }

    /** Loads a scene's narration; plays it when the visitor wants narration. */
    load(scene) {
        this.scene = scene;
        const entry = this.entry(scene);
        const src = entry?.audio || '';
        const current = this.audio.getAttribute('src') || '';
        if (src !== current) {
            this.audio.pause();
            if (src) this.audio.setAttribute('src', src);
            else this.audio.removeAttribute('src');
            this.audio.load();
        }
        this.render();
        if (src && this.wanted) this.play();
    }

    get hasAudio() {
        return Boolean(this.audio.getAttribute('src'));
    }

    play() {
        this.wanted = true;
        if (!this.hasAudio) return Promise.resolve(false);
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
     * With `later`, the element is only unlocked now (play then pause) and starts once the viewer is live,
     * so the audio does not take bandwidth from the first view.
     */
    unlock(later = false) {
        this.wanted = true;
        if (!this.hasAudio) return;
        if (!later) {
            this.play();
            return;
        }
        this.audio.play().catch(() => {});
        this.audio.pause();
    }

    updateProgress() {
        const duration = this.audio.duration;
        this.progress.value = Number.isFinite(duration) && duration > 0 ? this.audio.currentTime / duration : 0;
    }

    render() {
        const { lang } = this.ctx;
        const entry = this.entry(this.scene);
        this.bar.hidden = !entry;
        const playing = !this.audio.paused;
        this.button.replaceChildren(icon(playing ? 'pause' : 'play'));
        this.button.setAttribute('aria-label', t(lang, playing ? 'pause' : 'play'));
        this.button.disabled = !this.hasAudio;
        this.progress.setAttribute('aria-label', t(lang, 'narration'));
        this.transcriptButton.textContent = t(lang, 'transcript');
        this.transcriptButton.hidden = !entry?.transcript;
    }

    showTranscript() {
        const { lang, panel } = this.ctx;
        const entry = this.entry(this.scene);
        const paragraphs = String(entry?.transcript || '').split(/\n+/).filter(Boolean);
        const title = `${t(lang, 'transcript')} · ${pick(this.scene.title, lang, this.ctx.languages)}`;
        panel.open('transcript', title, paragraphs.map((text) => h('p', { text })));
    }
}
