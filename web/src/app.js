// The visitor's tour: the tour state, the static page's cover, the viewer (loaded after the first paint)
// and the features, each listening to the state's events.
import { formatHash, linkTo, parseHash } from './deeplink.js';
import { markerFor } from './hotspots.js';
import { initialLanguage, pick, rememberLanguage, setBrowserLanguages, t, uiLocale } from './i18n.js';
import { markFirstView, markInteractive } from './marks.js';
import { openBranch, openShowcaseFromLink } from './showcase/index.js';
import { loadTour, sceneIndex } from './tour.js';
import { EnteredEvent, LanguageChangedEvent, SceneChangedEvent, TourState } from './tour-state.js';
import { Cover } from './ui/cover.js';
import { Announcements } from './ui/announcements.js';
import { h } from './ui/dom.js';
import { GuidedTour } from './ui/guide.js';
import { Header } from './ui/header.js';
import { openInfo } from './ui/info.js';
import { pauseNarrationDuringVideos } from './ui/media.js';
import { Narration } from './ui/narration.js';
import { Panel } from './ui/panel.js';
import { Service } from './ui/service.js';
import { Toolbar } from './ui/toolbar.js';

export async function start() {
    const tour = await loadTour();
    setBrowserLanguages(navigator.languages || [navigator.language]);
    const languages = tour.hall.languages;
    const hash = parseHash(location.hash);
    const scenes = sceneIndex(tour);
    const first = scenes.get(hash.scene) || scenes.get(tour.hall.start) || tour.scenes[0];
    const state = new TourState({ scenes, scene: first.id, lang: initialLanguage(languages) });
    const ctx = {
        tour,
        scenes,
        languages,
        state,
        get lang() {
            return state.lang;
        },
        get sceneId() {
            return state.sceneId;
        },
        get entered() {
            return state.entered;
        },
        get ready() {
            return state.live;
        },
        viewer: null,
        markers: null,
        reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
        // Staff tools only where the server that served this page says so (`hallbuilder serve` on this computer).
        editAvailable: Boolean(tour.edit),
    };
    const app = document.getElementById('hb-app');
    const ui = h('div', { class: 'hb-ui' });
    const top = h('div', { class: 'hb-top' });
    app.append(ui);
    ctx.panel = new Panel(document.body, ctx.lang);
    ctx.service = tour.service?.url ? new Service(ctx, tour.service) : null;
    ctx.header = new Header(top, { tour, state, extra: ctx.service?.viewsLabel }).element;
    ui.append(top);
    // The floor plan sits below the header and banner, whatever their height (styles.css reads this).
    new ResizeObserver(() => app.style.setProperty('--hb-top-height', `${top.offsetHeight + 8}px`)).observe(top);
    ctx.narration = new Narration(ui, ctx);
    ctx.guide = new GuidedTour(ui, ctx);
    ctx.announcements = new Announcements(top, ctx);
    ctx.goTo = (id, options) => goTo(ctx, id, options);
    ctx.activateHotspot = (hotspot) => activateHotspot(ctx, hotspot);
    ctx.currentLink = () => linkTo({ scene: ctx.sceneId, ...currentViewOf(ctx) });
    ctx.setLanguage = (lang) => {
        rememberLanguage(lang);
        state.setLanguage(lang);
    };
    ctx.announcer = h('p', { class: 'hb-offscreen', 'aria-live': 'polite' });
    ctx.toolbar = new Toolbar(ui, ctx);
    ui.append(ctx.announcer);
    pauseNarrationDuringVideos(ctx.narration).listen(state);

    ctx.view = { ...first.view, ...definedView(hash) };
    if (first.id !== tour.hall.start) usePreviewOf(first);
    markFirstView();
    ctx.cover = new Cover({ tour, state, onEnter: () => ctx.narration.unlock(!ctx.ready) });
    state.addEventListener(EnteredEvent.type, () => {
        ctx.toolbar.focusFirst();
        if (ctx.ready) markInteractive();
    });
    applyLanguage(ctx);
    ctx.narration.load(first);
    ctx.service?.enter(first.id);
    state.addEventListener(LanguageChangedEvent.type, () => applyLanguage(ctx));
    state.addEventListener(SceneChangedEvent.type, ({ scene }) => {
        ctx.announcer.textContent = pick(scene.title, ctx.lang, ctx.languages);
        if (ctx.flat) usePreviewOf(scene);
    });
    window.addEventListener('popstate', () => followHash(ctx));
    window.addEventListener('hashchange', () => followHash(ctx));
    ctx.service?.announcements().then((remote) => ctx.announcements.setRemote(remote));
    // A small read-only handle for tests, the benchmark and staff poking at the console.
    window.hallbuilderTour = {
        scene: () => ctx.sceneId,
        view: () => currentViewOf(ctx),
        look: (view) =>
            ctx.viewer &&
            ctx.viewerModule.lookAt(ctx.viewer, { ...currentViewOf(ctx), ...view }, { reducedMotion: true }),
        ready: () => ctx.ready,
        pendingLoads: () => ctx.loads?.pending ?? 0,
        // Everything that loads after the first view (plugins' menu entries, staff tools) is in.
        settled: () => Boolean(ctx.settled),
    };
    openShowcaseFromLink(ctx);
    // Background music: its code after the first paint, its file only after Enter (music.js).
    if (tour.hall.music || tour.scenes.some((scene) => scene.music))
        requestAnimationFrame(() =>
            import('./music.js').then(
                ({ Music }) =>
                    new Music(ui, { tour, state, locale: (lang) => uiLocale(lang, navigator.languages || []) }),
            ),
        );
    // The viewer's code runs after the preview has painted.
    requestAnimationFrame(() => setTimeout(() => loadViewer(ctx), 0));
    return ctx;
}

function definedView(view) {
    const out = {};
    for (const key of ['yaw', 'pitch', 'fov']) if (view[key] !== null && view[key] !== undefined) out[key] = view[key];
    return out;
}

/** Shows a scene's flat preview (the first view, and every scene when the panorama cannot be drawn). */
function usePreviewOf(scene, keep = false) {
    const preview = document.getElementById('hb-preview');
    const src = scene.panorama.preview?.src || (keep ? scene.panorama.thumb : null);
    if (preview && src) preview.src = src;
    else if (!keep) preview?.remove();
}

async function loadViewer(ctx) {
    const stage = document.getElementById('hb-stage');
    try {
        const css = document.getElementById('hb-css');
        const styled =
            css && !css.sheet ? new Promise((resolve) => css.addEventListener('load', resolve, { once: true })) : null;
        const [module, plugins] = await Promise.all([import('./viewer.js'), import('./plugins.js'), styled]);
        ctx.viewerModule = module;
        const scene = ctx.state.scene;
        const options = {
            reducedMotion: ctx.reducedMotion,
            lang: plugins.psvLang(ctx.lang),
            plugins: plugins.pluginConfigs({ tour: ctx.tour, scene, lang: ctx.lang, reducedMotion: ctx.reducedMotion }),
        };
        const created = module.createViewer(stage, scene, ctx.view, options);
        ctx.viewer = created.viewer;
        ctx.markers = created.markers;
        ctx.loads = module.trackLoads(ctx.viewer);
        ctx.pluginsModule = plugins;
    } catch (error) {
        console.warn('viewer:', error);
        showFlat(ctx);
        return;
    }
    const viewer = ctx.viewer;
    viewer.addEventListener('panorama-error', () => showFlat(ctx), { once: true });
    viewer.addEventListener(
        'ready',
        () => {
            setMarkers(ctx);
            viewer.addEventListener(
                'render',
                () => {
                    ctx.state.setLive();
                    document.getElementById('hb-app').classList.add('hb-live');
                    markFirstView();
                    setTimeout(() => document.getElementById('hb-preview')?.remove(), ctx.reducedMotion ? 0 : 700);
                    if (ctx.entered) markInteractive();
                    // Narration starts once the first view is sharp (at once on a fast network).
                    whenNetworkQuiet(
                        ctx,
                        () => ctx.narration.wanted && ctx.narration.unlocking && ctx.narration.play(),
                        200,
                    );
                    whenNetworkQuiet(ctx, () => whenIdle(() => afterFirstView(ctx)));
                },
                { once: true },
            );
        },
        { once: true },
    );
    let timer = null;
    const remember = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            if (!ctx.ready || ctx.transitioning) return;
            const view = currentViewOf(ctx);
            ctx.view = view;
            history.replaceState(
                { scene: ctx.sceneId },
                '',
                formatHash({ scene: ctx.sceneId, ...view, edit: parseHash(location.hash).edit }),
            );
        }, 400);
    };
    viewer.addEventListener('position-updated', remember);
    viewer.addEventListener('zoom-updated', remember);
}

/** Without WebGL: the message in view, and every scene still reachable as its flat preview. */
function showFlat(ctx) {
    if (ctx.flat) return;
    ctx.flat = true;
    ctx.viewer = null;
    document.getElementById('hb-app').classList.add('hb-flat');
    const message = h('p', { class: 'hb-error', role: 'alert', text: t(ctx.lang, 'webglMissing') });
    ctx.header.after(message);
    ctx.state.addEventListener(LanguageChangedEvent.type, () => (message.textContent = t(ctx.lang, 'webglMissing')));
    usePreviewOf(ctx.state.scene, true);
}

/** Runs `callback` once the viewer has had no image load in flight for `quietMs`: visible tiles first. */
function whenNetworkQuiet(ctx, callback, quietMs = 1000) {
    let quietSince = performance.now();
    const poll = setInterval(() => {
        if (ctx.loads && ctx.loads.pending > 0) quietSince = performance.now();
        else if (performance.now() - quietSince >= quietMs) {
            clearInterval(poll);
            callback();
        }
    }, 200);
}

function whenIdle(callback) {
    if ('requestIdleCallback' in window) requestIdleCallback(callback, { timeout: 2000 });
    else setTimeout(callback, 300);
}

/** After the first view: the plugins' menu entries, the edit mode, and the next scenes' previews and bases. */
async function afterFirstView(ctx) {
    prefetchNeighbours(ctx);
    import('./ui/share.js').catch(() => {}); // so Share works once the network is gone
    try {
        ctx.plugins = await ctx.pluginsModule.tourPlugins(ctx.viewer, {
            tour: ctx.tour,
            goTo: (id) => ctx.goTo(id, { push: true }),
            busy: () => ctx.guide.active || Boolean(ctx.edit?.active),
        });
        ctx.plugins.sceneChanged(ctx.state.scene);
        ctx.state.addEventListener(LanguageChangedEvent.type, ({ lang }) => ctx.plugins.languageChanged(lang));
        ctx.toolbar.render();
    } catch (error) {
        console.warn('plugins:', error);
    }
    if (ctx.service && ctx.viewer)
        import('./pins/index.js').then(
            (pins) => startPins(ctx, pins),
            () => {},
        );
    if (ctx.editAvailable) {
        const edit = await import('./ui/edit.js');
        ctx.edit = new edit.EditMode(ctx);
        if (parseHash(location.hash).edit) ctx.edit.toggle(true);
        ctx.toolbar.render();
    }
    ctx.settled = true;
}

function startPins(ctx, { PinnedComments }) {
    const view = () => ctx.viewerModule.currentView(ctx.viewer);
    const { state, viewer, markers, service } = ctx;
    const pins = new PinnedComments({
        state,
        viewer,
        markers,
        api: service.api,
        view,
        root: ctx.toolbar.nav.parentNode,
    });
    service.pinning = pins.formHooks();
}

const prefetched = new Set();

function prefetchNeighbours(ctx) {
    const scene = ctx.state.scene;
    const order = ctx.tour.scenes;
    const next = order[order.indexOf(scene) + 1];
    const ids = [...scene.hotspots.filter((item) => item.type === 'link').map((item) => item.target), next?.id].filter(
        Boolean,
    );
    for (const id of [...new Set(ids)].slice(0, 4)) {
        const target = ctx.scenes.get(id);
        if (!target || prefetched.has(id)) continue;
        prefetched.add(id);
        if (target.panorama.preview)
            document.head.append(h('link', { rel: 'prefetch', href: target.panorama.preview.src, as: 'image' }));
        if (ctx.viewer) ctx.viewerModule.preloadScene(ctx.viewer, target);
    }
}

function currentViewOf(ctx) {
    if (ctx.viewer && ctx.ready) return ctx.viewerModule.currentView(ctx.viewer);
    return ctx.view;
}

function setMarkers(ctx) {
    if (!ctx.markers) return;
    ctx.markers.setMarkers(ctx.state.scene.hotspots.map((hotspot) => markerFor(hotspot, ctx, ctx.activateHotspot)));
    ctx.edit?.sceneChanged();
}

function activateHotspot(ctx, hotspot) {
    if (ctx.edit?.active) return;
    if (hotspot.type === 'link') ctx.goTo(hotspot.target, { push: true });
    else if (hotspot.type === 'info') openInfo(hotspot, ctx);
    else if (hotspot.type === 'showcase') openBranch(ctx, hotspot.branch);
}

/** Moves to a scene (or turns to a view in the current one). */
async function goTo(ctx, id, options = {}) {
    const scene = ctx.scenes.get(id);
    if (!scene) return;
    if (!options.guide && ctx.guide.active) ctx.guide.stop();
    const view = { ...scene.view, ...definedView(options.view || {}) };
    ctx.view = view;
    if (options.push) history.pushState({ scene: id }, '', formatHash({ scene: id, ...view }));
    const changed = ctx.state.setScene(id);
    if (!ctx.viewer || !ctx.ready) return;
    const { viewerModule: module, viewer } = ctx;
    if (!changed) {
        await module.lookAt(viewer, view, ctx);
        return;
    }
    ctx.markers.clearMarkers();
    ctx.transitioning = true;
    try {
        await module.showScene(viewer, scene, view, ctx);
    } catch {
        // a newer move interrupted this one
    } finally {
        if (ctx.sceneId === id) {
            ctx.transitioning = false;
            setMarkers(ctx);
            ctx.plugins?.sceneChanged(scene);
            whenNetworkQuiet(ctx, () => prefetchNeighbours(ctx));
        }
    }
}

/** Back and forward buttons, and a hash edited by hand. */
function followHash(ctx) {
    const hash = parseHash(location.hash);
    const id = hash.scene && ctx.scenes.has(hash.scene) ? hash.scene : ctx.tour.hall.start;
    const current = currentViewOf(ctx);
    const view = definedView(hash);
    const same =
        id === ctx.sceneId &&
        ['yaw', 'pitch', 'fov'].every((key) => view[key] === undefined || Math.abs(view[key] - current[key]) < 0.2);
    if (!same) ctx.goTo(id, { view });
}

/** What the language changes beyond the features that follow it themselves: the page's lang, panels, markers. */
function applyLanguage(ctx) {
    document.documentElement.lang = ctx.lang;
    ctx.panel.setLanguage(ctx.lang);
    ctx.toolbar.render();
    ctx.narration.render();
    if (ctx.ready) setMarkers(ctx);
}
