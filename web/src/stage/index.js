// The stage: the panorama behind the tour's UI. It loads PSV once the preview has painted, follows the tour
// state (scene changes, requested views, language) and tells what happens on screen through its own events
// (./events.js). Nothing else touches the PSV viewer, except the plugins and staff tools it hands out.
import { markFirstView } from '../marks.js';
import { whenStyled } from '../page.js';
import { LanguageChangedEvent, LookRequestedEvent, SceneChangedEvent } from '../tour-state.js';
import { h } from '../ui/dom.js';
import { FlatEvent, SceneShownEvent, SettledEvent, SharpEvent } from './events.js';
import { likelyNext, whenIdle, whenNetworkQuiet } from './network.js';
import { removePreviewAfter, showPreview } from './preview.js';

const PREVIEW_FADE_MS = 700;

export class Stage extends EventTarget {
    /**
     * `container` holds the panorama, `preview` is the static page's first image, `app` carries the classes
     * hb-live and hb-flat, `css` is the stylesheet PSV waits for. `markersOf(scene)` gives a scene's PSV marker configs; `busy()` says when
     * autorotate must not start by itself (guided tour, staff tools).
     */
    constructor({ state, tour, container, preview, app, css, reducedMotion, markersOf, busy }) {
        super();
        Object.assign(this, { state, tour, container, preview, app, css, reducedMotion, markersOf, busy });
        this.viewer = null;
        this.markers = null;
        this.flat = false;
        this.transitioning = false;
        this.prefetched = new Set();
        if (state.sceneId !== tour.hall.start) showPreview(preview, state.scene);
        state.addEventListener(SceneChangedEvent.type, (event) => this.sceneChanged(event));
        state.addEventListener(LookRequestedEvent.type, ({ view }) => this.look(view));
        state.addEventListener(LanguageChangedEvent.type, () => this.live && this.placeMarkers());
    }

    get live() {
        return Boolean(this.viewer) && this.state.live;
    }

    /** Image loads in flight (0 before the viewer exists). */
    get pendingLoads() {
        return this.loads?.pending ?? 0;
    }

    /** Loads the viewer's code after the preview has painted. */
    start() {
        requestAnimationFrame(() => setTimeout(() => this.load(), 0));
    }

    /** The camera's view in degrees (the state's view until the panorama is live). */
    currentView() {
        return this.live ? this.module.currentView(this.viewer) : this.state.view;
    }

    /** Turns the camera to `view` (instant with `reducedMotion`). */
    look(view, { reducedMotion = this.reducedMotion } = {}) {
        if (!this.live) return Promise.resolve();
        return this.module.lookAt(this.viewer, view, { reducedMotion });
    }

    /** Turns the camera `degrees` to the right (the guided tour's slow pan). */
    turn(degrees) {
        if (this.live && !this.transitioning) this.module.turnBy(this.viewer, degrees);
    }

    /** Resolves once scene `id` is on screen (at once when there is no live panorama to wait for). */
    whenShown(id) {
        if (!this.live || !this.transitioning) return Promise.resolve();
        return new Promise((resolve) => {
            const shown = ({ scene }) => {
                if (scene.id !== id) return;
                this.removeEventListener(SceneShownEvent.type, shown);
                resolve();
            };
            this.addEventListener(SceneShownEvent.type, shown);
        });
    }

    async load() {
        const { state } = this;
        try {
            const loading = [import('../viewer.js'), import('../plugins.js'), whenStyled(this.css)];
            const [module, plugins] = await Promise.all(loading);
            this.module = module;
            this.pluginsModule = plugins;
            const options = {
                reducedMotion: this.reducedMotion,
                lang: plugins.psvLang(state.lang),
                plugins: plugins.pluginConfigs({
                    tour: this.tour,
                    scene: state.scene,
                    lang: state.lang,
                    reducedMotion: this.reducedMotion,
                }),
            };
            const created = module.createViewer(this.container, state.scene, state.view, options);
            this.viewer = created.viewer;
            this.markers = created.markers;
            this.loads = module.trackLoads(this.viewer);
        } catch (error) {
            console.warn('viewer:', error);
            this.showFlat();
            return;
        }
        const viewer = this.viewer;
        viewer.addEventListener('panorama-error', () => this.showFlat(), { once: true });
        viewer.addEventListener(
            'ready',
            () => {
                this.placeMarkers();
                viewer.addEventListener('render', () => this.firstRender(), { once: true });
            },
            { once: true },
        );
        const module = this.module;
        const record = () => this.live && !this.transitioning && state.setView(module.currentView(viewer));
        viewer.addEventListener('position-updated', record);
        viewer.addEventListener('zoom-updated', record);
    }

    firstRender() {
        this.app.classList.add('hb-live');
        markFirstView();
        this.state.setLive();
        removePreviewAfter(this.preview, this.reducedMotion ? 0 : PREVIEW_FADE_MS);
        const pending = () => this.pendingLoads;
        whenNetworkQuiet(pending, () => this.dispatchEvent(new SharpEvent()), 200);
        whenNetworkQuiet(pending, () => whenIdle(() => this.settle()));
    }

    /** After the first view: the next scenes' previews and bases, then PSV's other plugins. */
    async settle() {
        this.prefetchNeighbours();
        let plugins = null;
        try {
            plugins = await this.pluginsModule.tourPlugins(this.viewer, {
                tour: this.tour,
                state: this.state,
                stage: this,
                busy: this.busy,
            });
        } catch (error) {
            console.warn('plugins:', error);
        }
        this.dispatchEvent(new SettledEvent({ viewer: this.viewer, markers: this.markers, plugins }));
    }

    async sceneChanged({ scene, view }) {
        if (this.flat) showPreview(this.preview, scene, true);
        if (!this.live) return;
        this.markers.clearMarkers();
        this.transitioning = true;
        try {
            await this.module.showScene(this.viewer, scene, view, this);
        } catch {
            // a newer move interrupted this one
        } finally {
            if (this.state.sceneId === scene.id) {
                this.transitioning = false;
                this.placeMarkers();
                this.dispatchEvent(new SceneShownEvent(scene));
                whenNetworkQuiet(
                    () => this.pendingLoads,
                    () => this.prefetchNeighbours(),
                );
            }
        }
    }

    placeMarkers() {
        this.markers?.setMarkers(this.markersOf(this.state.scene));
    }

    prefetchNeighbours() {
        for (const id of likelyNext(this.state.scene, this.tour.scenes)) {
            const target = this.state.scenes.get(id);
            if (!target || this.prefetched.has(id)) continue;
            this.prefetched.add(id);
            if (target.panorama.preview)
                document.head.append(h('link', { rel: 'prefetch', href: target.panorama.preview.src, as: 'image' }));
            if (this.viewer) this.module.preloadScene(this.viewer, target);
        }
    }

    /** Without WebGL: every scene stays reachable as its flat preview; FlatEvent lets the UI say why. */
    showFlat() {
        if (this.flat) return;
        this.flat = true;
        this.viewer = null;
        this.app.classList.add('hb-flat');
        showPreview(this.preview, this.state.scene, true);
        this.dispatchEvent(new FlatEvent());
    }
}
