// Tiling in the background: GET /api/jobs while photos tile, moving each scene's progress bar in place and
// reading the project again when a scene's tiles are ready (or failed).
import { get } from './api.js';

const POLL_MS = 1000;
const ACTIVE = new Set(['queued', 'tiling', 'running', 'pending']);

/** The scenes the project still shows as tiling whose job has ended (so the project is worth reading again). */
export function endedScenes(scenes, jobs) {
    const states = new Map(jobs.map((job) => [job.scene, job.state]));
    return scenes
        .filter(
            (scene) => scene.status?.tiles === 'tiling' && states.has(scene.id) && !ACTIVE.has(states.get(scene.id)),
        )
        .map((scene) => scene.id);
}

export class JobWatch {
    /** `scenes()` gives the project's scenes; `onEnded(ids)` runs when some of their tiles are ready or failed. */
    constructor(scenes, onEnded) {
        this.scenes = scenes;
        this.onEnded = onEnded;
    }

    start() {
        const tick = async () => {
            try {
                const answer = await get('/api/jobs');
                const jobs = Array.isArray(answer) ? answer : answer.jobs || [];
                for (const job of jobs) {
                    for (const bar of document.querySelectorAll(`[data-scene-progress="${CSS.escape(job.scene)}"]`)) {
                        bar.value = Number(job.progress) || 0;
                    }
                }
                const ended = endedScenes(this.scenes(), jobs);
                if (ended.length) await this.onEnded(ended);
            } catch {
                // the studio is busy or stopped: try again
            }
            this.timer = setTimeout(tick, POLL_MS);
        };
        tick();
    }
}
