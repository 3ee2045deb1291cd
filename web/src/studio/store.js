// The project as the studio knows it (GET /api/project) and every save (POST /api/edit and the scene
// operations), with the version that makes saves safe. Announces changes as typed events.
import { ApiError, get, send } from './api.js';

export class ProjectEvent extends Event {
    static type = 'project';
    constructor(project, outside) {
        super(ProjectEvent.type);
        this.project = project;
        this.outside = outside;
    }
}

export class ConflictEvent extends Event {
    static type = 'conflict';
    constructor() {
        super(ConflictEvent.type);
    }
}

export class SavingEvent extends Event {
    static type = 'saving';
    constructor(state, error = null) {
        super(SavingEvent.type);
        this.state = state; // 'saving' | 'saved' | 'refused'
        this.error = error;
    }
}

const POLL_MS = 2000;

export class ProjectStore extends EventTarget {
    constructor() {
        super();
        this.project = null;
        this.version = null;
        this.busy = 0;
        this.queue = Promise.resolve();
        this.conflicted = false;
    }

    /**
     * Reads the project again. A version this studio did not make itself means hall.yaml was changed outside it
     * (an editor, another tab), whichever read noticed it first: listeners are told.
     */
    async load() {
        const project = await get('/api/project');
        const outside = this.version !== null && project.version !== this.version;
        this.project = project;
        this.conflicted = false;
        this.version = this.project.version;
        this.dispatchEvent(new ProjectEvent(this.project, outside));
        return this.project;
    }

    /** Saves several ops as one change. Resolves after the project is read again; throws ApiError when refused. */
    edit(ops) {
        return this.post('/api/edit', { ops });
    }

    /**
     * POSTs a saving request with the current version (rename, way back, undo, restore, edit). Saves run one
     * after another, each with the version the previous one made, so quick changes never conflict with each other.
     */
    post(path, body = {}, method = 'POST') {
        this.busy++;
        const run = this.queue.then(() => this.send(path, body, method));
        this.queue = run.catch(() => {});
        return run;
    }

    async send(path, body, method) {
        this.dispatchEvent(new SavingEvent('saving'));
        try {
            if (this.conflicted) throw new ApiError(409, { code: 'conflict', message: 'conflict' });
            const url = method === 'DELETE' ? `${path}?version=${encodeURIComponent(this.version)}` : path;
            const result = await send(
                method,
                url,
                method === 'DELETE' ? undefined : { version: this.version, ...body },
            );
            if (result?.version) this.version = result.version;
            await this.load();
            this.dispatchEvent(new SavingEvent('saved'));
            return result;
        } catch (error) {
            if (error instanceof ApiError && error.code === 'conflict') {
                // Keep what the user typed on screen until they choose to reload.
                this.conflicted = true;
                this.dispatchEvent(new ConflictEvent());
            }
            this.dispatchEvent(new SavingEvent('refused', error));
            throw error;
        } finally {
            this.busy--;
        }
    }

    /** Takes a version the studio made itself outside `post` (a photo upload), then reads the project. */
    adopt(version) {
        if (version) this.version = version;
        return this.load();
    }

    /** Notices edits made outside the studio (an editor, another tab) by polling the cheap version. */
    watch() {
        const tick = async () => {
            try {
                const { version } = await get('/api/version');
                if (!this.busy && !this.conflicted && this.version && version !== this.version) await this.load();
            } catch {
                // the studio stopped or the network dropped: try again on the next tick
            }
            this.timer = setTimeout(tick, POLL_MS);
        };
        this.timer = setTimeout(tick, POLL_MS);
    }
}
