// The stage's events, in PSV's style: one class per event, its `type` a static name.

/** PSV's viewer exists and has its first panorama: `viewer` and its `markers` plugin can be used. */
export class ViewerReadyEvent extends Event {
    static type = 'viewer-ready';
    constructor(viewer, markers) {
        super(ViewerReadyEvent.type);
        this.viewer = viewer;
        this.markers = markers;
    }
}

/** The first view is sharp (no image load in flight for a moment): narration may take the bandwidth. */
export class SharpEvent extends Event {
    static type = 'sharp';
    constructor() {
        super(SharpEvent.type);
    }
}

/**
 * Everything that waits for the first view is in: PSV's `viewer`, its `markers` plugin and the tour's handle
 * on its other plugins (`plugins`, see plugins.js; null when they failed to load).
 */
export class SettledEvent extends Event {
    static type = 'settled';
    constructor({ viewer, markers, plugins }) {
        super(SettledEvent.type);
        this.viewer = viewer;
        this.markers = markers;
        this.plugins = plugins;
    }
}

/** A scene change has finished on screen (its transition done, its hotspots placed). */
export class SceneShownEvent extends Event {
    static type = 'scene-shown';
    constructor(scene) {
        super(SceneShownEvent.type);
        this.scene = scene;
    }
}

/** The panorama cannot be drawn (no WebGL2, or the viewer failed): scenes show as flat previews. */
export class FlatEvent extends Event {
    static type = 'flat';
    constructor() {
        super(FlatEvent.type);
    }
}
