// Narration and inline videos take turns: a video that starts pauses the narration, which resumes once no
// video plays any more (if the visitor had it playing).
import { SceneChangedEvent } from '../tour-state.js';

/**
 * Listens to every <video> on the page (media events do not bubble, so in the capture phase). A new scene's
 * narration is not resumed by a video of the scene before.
 */
export function pauseNarrationDuringVideos({ narration, state }, root = document) {
    const playing = new Set();
    let resume = false;
    root.addEventListener(
        'play',
        (event) => {
            if (!(event.target instanceof HTMLVideoElement)) return;
            playing.add(event.target);
            if (!narration.audio.paused) {
                resume = true;
                narration.audio.pause();
            }
        },
        true,
    );
    const stopped = (event) => {
        if (!(event.target instanceof HTMLVideoElement)) return;
        playing.delete(event.target);
        if (playing.size === 0 && resume) {
            resume = false;
            if (narration.wanted) narration.audio.play().catch(() => {});
        }
    };
    root.addEventListener('pause', stopped, true);
    root.addEventListener('ended', stopped, true);
    root.addEventListener('emptied', stopped, true);
    state.addEventListener(SceneChangedEvent.type, () => (resume = false));
}
