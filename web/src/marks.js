// Performance marks the benchmark reads: the first panorama image on screen, and the viewer live.
import { EnteredEvent, LiveEvent } from './tour-state.js';

let firstView = false;
let interactive = false;

/** Marks `tour:first-view` at the paint time of the preview (Element Timing), else now. */
export function markFirstView() {
    if (firstView) return;
    const preview = document.getElementById('hb-preview');
    if (preview && !document.getElementById('hb-app')?.classList.contains('hb-live')) {
        if (!('PerformanceObserver' in window) || !PerformanceObserver.supportedEntryTypes?.includes('element')) {
            const done = () => requestAnimationFrame(() => mark(performance.now()));
            if (preview.complete) done();
            else preview.addEventListener('load', done, { once: true });
            return;
        }
        const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
                if (entry.identifier === 'preview') {
                    observer.disconnect();
                    mark(entry.renderTime || entry.loadTime);
                }
            }
        });
        observer.observe({ type: 'element', buffered: true });
        return;
    }
    mark(performance.now());
}

function mark(startTime) {
    if (firstView) return;
    firstView = true;
    performance.mark('tour:first-view', { startTime });
}

/** Marks `tour:interactive`: the viewer is live and the cover is gone, so dragging turns the view. */
export function markInteractive() {
    if (interactive) return;
    interactive = true;
    performance.mark('tour:interactive');
}

/** Marks `tour:interactive` once the visitor has entered and the panorama is live, whichever comes last. */
export function markInteractiveWhenReady(state) {
    const check = () => state.entered && state.live && markInteractive();
    state.addEventListener(EnteredEvent.type, check);
    state.addEventListener(LiveEvent.type, check);
}
