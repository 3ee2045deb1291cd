// The live preview: the real visitor tour (/preview/) in an iframe, reloaded when the studio's preview
// version changes, keeping the scene and view through the viewer's deep link.
import { h } from '../ui/dom.js';
import { formatHash } from '../deeplink.js';
import { get } from './api.js';
import { t } from './lang.js';

const POLL_MS = 700;

export class PreviewTourEvent extends Event {
    static type = 'preview-tour';
    constructor(tour) {
        super(PreviewTourEvent.type);
        this.tour = tour;
    }
}

/** Where the tour in the frame is (scene and view), or null before it is live. */
export function framePlace(frame) {
    try {
        const tour = frame.contentWindow?.hallbuilderTour;
        if (!tour) return null;
        return { scene: tour.scene(), ...tour.view() };
    } catch {
        return null;
    }
}

export class Preview extends EventTarget {
    constructor() {
        super();
        this.version = null;
        this.tour = null;
        this.frame = h('iframe', { class: 'st-preview-frame', id: 'st-preview-frame', title: t('preview') });
        this.state = h('p', { class: 'st-preview-state', role: 'status' });
        this.element = h('section', { class: 'st-preview', 'aria-labelledby': 'st-preview-head' }, [
            h('h2', { id: 'st-preview-head', text: t('preview') }),
            this.state,
            this.frame,
        ]);
    }

    /** Polls GET /api/preview; a new ready version reloads the frame and the tour.json the editor reads. */
    start() {
        const tick = async () => {
            try {
                await this.check();
            } catch {
                // no preview yet, or the studio stopped: try again
            }
            this.timer = setTimeout(tick, POLL_MS);
        };
        tick();
    }

    async check() {
        const answer = await get('/api/preview');
        this.state.textContent =
            answer.state === 'building'
                ? t('previewBuilding')
                : answer.state === 'failed'
                  ? t('previewFailed', answer.message || '')
                  : '';
        this.element.dataset.state = answer.state;
        if (answer.state !== 'ready' || answer.version === this.version) return;
        this.version = answer.version;
        this.element.dataset.version = answer.version;
        await this.loadTour();
        this.reload();
    }

    async loadTour() {
        const response = await fetch(`/preview/tour.json?v=${encodeURIComponent(this.version)}`, { cache: 'no-store' });
        if (!response.ok) return;
        this.tour = await response.json();
        this.dispatchEvent(new PreviewTourEvent(this.tour));
    }

    /** Reloads the frame at the same scene and view (or `scene` when the studio chose one). */
    reload(scene = null) {
        const place = framePlace(this.frame);
        const wanted = scene || place?.scene;
        const known = wanted && this.tour?.scenes?.some((item) => item.id === wanted);
        let hash = '';
        if (known) hash = formatHash(place && place.scene === wanted ? place : { scene: wanted });
        this.frame.src = `/preview/?v=${encodeURIComponent(this.version)}${hash}`;
    }

    /** Shows a scene in the preview (when the studio selects one). */
    goTo(scene) {
        if (this.version && framePlace(this.frame)?.scene !== scene) this.reload(scene);
    }

    /** The tour.json scene of an id, or null while its tiles are not in the preview. */
    scene(id) {
        return this.tour?.scenes?.find((item) => item.id === id) || null;
    }
}
