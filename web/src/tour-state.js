// The one place that knows where the visitor is: the scene, the language, whether they entered and whether
// the panorama is live. Changes are announced as typed events, the way PSV announces its own; features
// listen to them instead of being called by the code that made the change.

export class SceneChangedEvent extends Event {
    static type = 'scene-changed';
    constructor(scene, previous) {
        super(SceneChangedEvent.type);
        this.scene = scene;
        this.previous = previous;
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
    /** `scenes` maps scene ids to tour.json scenes; `scene` and `lang` are where the visit starts. */
    constructor({ scenes, scene, lang, entered = false }) {
        super();
        this.scenes = scenes;
        this.sceneId = scene;
        this.lang = lang;
        this.entered = entered;
        this.live = false;
    }

    get scene() {
        return this.scenes.get(this.sceneId);
    }

    /** Moves to scene `id`; announces it only when it is another scene. Returns whether it changed. */
    setScene(id) {
        if (id === this.sceneId || !this.scenes.has(id)) return false;
        const previous = this.scene;
        this.sceneId = id;
        this.dispatchEvent(new SceneChangedEvent(this.scene, previous));
        return true;
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
