// The one place that knows where the visitor is: the scene, the view, the language, whether they entered and
// whether the panorama is live. Changes are announced as typed events, the way PSV announces its own; features
// listen to them instead of being called by the code that made the change.
import { pick, pickEntry } from './i18n.js';

const VIEW_KEYS = ['yaw', 'pitch', 'fov'];

/** The angles of `view` that are numbers (a deep link may name only some). */
export function definedView(view = {}) {
    const out = {};
    for (const key of VIEW_KEYS) if (Number.isFinite(view?.[key])) out[key] = view[key];
    return out;
}

/** Whether two views are the same to within `tolerance` degrees (angles missing from `wanted` match anything). */
export function sameView(wanted, current, tolerance = 0.2) {
    return VIEW_KEYS.every((key) => wanted[key] === undefined || Math.abs(wanted[key] - current[key]) < tolerance);
}

/** Another scene is shown; `view` is where it opens, `push` asks for a history entry, `by` names who moved. */
export class SceneChangedEvent extends Event {
    static type = 'scene-changed';
    constructor(scene, previous, { view, push = false, by = null } = {}) {
        super(SceneChangedEvent.type);
        this.scene = scene;
        this.previous = previous;
        this.view = view;
        this.push = push;
        this.by = by;
    }
}

/** The visitor asked to look at `view` in the scene they are in (a deep link, a back button). */
export class LookRequestedEvent extends Event {
    static type = 'look-requested';
    constructor(view, { push = false, by = null } = {}) {
        super(LookRequestedEvent.type);
        this.view = view;
        this.push = push;
        this.by = by;
    }
}

/** The camera settled on another view (sent by the stage as the visitor drags or zooms). */
export class ViewChangedEvent extends Event {
    static type = 'view-changed';
    constructor(view) {
        super(ViewChangedEvent.type);
        this.view = view;
    }
}

export class LanguageChangedEvent extends Event {
    static type = 'language-changed';
    constructor(lang, previous) {
        super(LanguageChangedEvent.type);
        this.lang = lang;
        this.previous = previous;
    }
}

export class EnteredEvent extends Event {
    static type = 'entered';
    constructor() {
        super(EnteredEvent.type);
    }
}

export class LiveEvent extends Event {
    static type = 'live';
    constructor() {
        super(LiveEvent.type);
    }
}

export class TourState extends EventTarget {
    /**
     * `scenes` maps scene ids to tour.json scenes, `languages` is the hall's language order; `scene`, `view`
     * (degrees, the scene's own view when missing) and `lang` are where the visit starts.
     */
    constructor({ scenes, languages = [], scene, view = {}, lang, entered = false }) {
        super();
        this.scenes = scenes;
        this.languages = languages;
        this.sceneId = scene;
        this.view = { ...this.scene?.view, ...definedView(view) };
        this.lang = lang;
        this.entered = entered;
        this.live = false;
    }

    get scene() {
        return this.scenes.get(this.sceneId);
    }

    /** A tour.json text map in the visitor's language, falling back text by text. */
    text(map) {
        return pick(map, this.lang, this.languages);
    }

    /** A per-language entry (such as a narration) in the visitor's language, along the same fallback. */
    entry(map) {
        return pickEntry(map, this.lang, this.languages);
    }

    /**
     * Moves to scene `id` at `view` (its own view where angles are missing), or turns to `view` when it is the
     * scene shown already. Returns whether the scene changed; an unknown id changes nothing.
     */
    goTo(id, { view = {}, push = false, by = null } = {}) {
        const scene = this.scenes.get(id);
        if (!scene) return false;
        const target = { ...scene.view, ...definedView(view) };
        this.view = target;
        if (id === this.sceneId) {
            this.dispatchEvent(new LookRequestedEvent(target, { push, by }));
            return false;
        }
        const previous = this.scene;
        this.sceneId = id;
        this.dispatchEvent(new SceneChangedEvent(scene, previous, { view: target, push, by }));
        return true;
    }

    /** Records where the camera is now (degrees). */
    setView(view) {
        this.view = { ...view };
        this.dispatchEvent(new ViewChangedEvent(this.view));
    }

    setLanguage(lang) {
        if (lang === this.lang) return;
        const previous = this.lang;
        this.lang = lang;
        this.dispatchEvent(new LanguageChangedEvent(lang, previous));
    }

    enter() {
        if (this.entered) return;
        this.entered = true;
        this.dispatchEvent(new EnteredEvent());
    }

    setLive() {
        if (this.live) return;
        this.live = true;
        this.dispatchEvent(new LiveEvent());
    }
}
