// The visitor's tour: wires the static page, the viewer (loaded after the first paint) and the panels.
import { formatHash, linkTo, parseHash } from './deeplink.js';
import { markerFor } from './hotspots.js';
import { initialLanguage, languageName, pick, rememberLanguage, t } from './i18n.js';
import { loadTour, sceneIndex } from './tour.js';
import { Announcements, collect } from './ui/announcements.js';
import { h, icon } from './ui/dom.js';
import { GuidedTour } from './ui/guide.js';
import { openInfo } from './ui/info.js';
import { openBranch, openShowcaseFromLink, openShowcaseHall, showcaseHallLabel } from './showcase/index.js';
import { Narration } from './ui/narration.js';
import { Panel } from './ui/panel.js';
import { openHotspotList, openSceneList } from './ui/scenes.js';
import { Service } from './ui/service.js';
import { markFirstView, markInteractive } from './marks.js';

const LOCAL_HOST = /^(localhost|127(\.\d+){3}|\[?::1\]?|10(\.\d+){3}|192\.168(\.\d+){2}|172\.(1[6-9]|2\d|3[01])(\.\d+){2}|[\w-]+\.local)$/;

export async function start() {
    const tour = await loadTour();
    const languages = tour.hall.languages;
    const hash = parseHash(location.hash);
    const scenes = sceneIndex(tour);
    const first = scenes.get(hash.scene) || scenes.get(tour.hall.start) || tour.scenes[0];
    const ctx = {
        tour,
        scenes,
        languages,
        lang: initialLanguage(languages),
        sceneId: first.id,
        viewer: null,
        markers: null,
        entered: false,
        ready: false,
        reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
        editAvailable: LOCAL_HOST.test(location.hostname) || hash.edit,
    };
    const app = document.getElementById('hb-app');
    const ui = h('div', { class: 'hb-ui' });
    app.append(ui);
    ctx.panel = new Panel(document.body, ctx.lang);
    ctx.narration = new Narration(ui, ctx);
    ctx.guide = new GuidedTour(ui, ctx);
    ctx.announcements = new Announcements(ui, ctx);
    ctx.service = tour.service?.url ? new Service(ctx, tour.service) : null;
    ctx.goTo = (id, options) => goTo(ctx, id, options);
    ctx.activateHotspot = (hotspot) => activateHotspot(ctx, hotspot);
    ctx.currentLink = () => linkTo({ scene: ctx.sceneId, ...currentViewOf(ctx) });
    ctx.onGuideChange = () => renderToolbar(ctx);
    ctx.announcer = h('p', { class: 'hb-offscreen', 'aria-live': 'polite' });
    ctx.header = h('header', { class: 'hb-header' }, [h('span', { class: 'hb-hall-title' }), h('h2', { class: 'hb-scene-title' }), ctx.service?.viewsLabel]);
    ctx.toolbar = h('nav', { class: 'hb-toolbar' });
    ui.prepend(ctx.header);
    ui.append(ctx.toolbar, ctx.announcer);

    ctx.view = { ...first.view, ...definedView(hash) };
    if (first.id !== tour.hall.start) usePreviewOf(first);
    markFirstView();
    setupCover(ctx);
    applyLanguage(ctx);
    ctx.narration.load(first);
    ctx.service?.enter(first.id);
    window.addEventListener('popstate', () => followHash(ctx));
    window.addEventListener('hashchange', () => followHash(ctx));
    ctx.service?.announcements().then((remote) => {
        ctx.remoteAnnouncements = remote;
        ctx.announcements.set(collect(ctx, remote));
    });
    // A small read-only handle for tests, the benchmark and staff poking at the console.
    window.hallbuilderTour = {
        scene: () => ctx.sceneId,
        view: () => currentViewOf(ctx),
        look: (view) => ctx.viewer && ctx.viewerModule.lookAt(ctx.viewer, { ...currentViewOf(ctx), ...view }, { reducedMotion: true }),
        ready: () => ctx.ready,
        pendingLoads: () => ctx.loads?.pending ?? 0,
    };
    openShowcaseFromLink(ctx);
    // The viewer's code runs after the preview has painted.
    requestAnimationFrame(() => setTimeout(() => loadViewer(ctx), 0));
    return ctx;
}

function definedView(view) {
    const out = {};
    for (const key of ['yaw', 'pitch', 'fov']) if (view[key] !== null && view[key] !== undefined) out[key] = view[key];
    return out;
}

function usePreviewOf(scene) {
    const preview = document.getElementById('hb-preview');
    if (preview && scene.panorama.preview) preview.src = scene.panorama.preview.src;
    else preview?.remove();
}

function setupCover(ctx) {
    const enter = document.getElementById('hb-enter');
    const cover = document.getElementById('hb-cover');
    if (!enter || !cover) {
        ctx.entered = true;
        return;
    }
    // The full stylesheet loads without blocking the first paint; Enter shows once it applies.
    const css = document.getElementById('hb-css');
    const show = () => (enter.hidden = false);
    if (css && !css.sheet) css.addEventListener('load', show, { once: true });
    else show();
    if (css) css.media = 'all';
    enter.addEventListener('click', () => {
        // Inside the tap: unlock audio and ask for the iOS motion permission.
        ctx.narration.unlock(!ctx.ready);
        const request = window.DeviceOrientationEvent?.requestPermission;
        if (typeof request === 'function') {
            request.call(window.DeviceOrientationEvent).then(
                (answer) => (ctx.motionAllowed = answer === 'granted'),
                () => (ctx.motionAllowed = false),
            );
        }
        ctx.entered = true;
        cover.hidden = true;
        document.getElementById('hb-app').classList.add('hb-entered');
        ctx.toolbar.querySelector('button')?.focus({ preventScroll: true });
        if (ctx.ready) markInteractive();
    });
}

async function loadViewer(ctx) {
    const stage = document.getElementById('hb-stage');
    let module;
    try {
        const css = document.getElementById('hb-css');
        const styled = css && !css.sheet ? new Promise((resolve) => css.addEventListener('load', resolve, { once: true })) : null;
        [module] = await Promise.all([import('./viewer.js'), styled]);
        ctx.viewerModule = module;
        const scene = ctx.scenes.get(ctx.sceneId);
        const created = module.createViewer(stage, scene, ctx.view, ctx);
        ctx.viewer = created.viewer;
        ctx.markers = created.markers;
        ctx.loads = module.trackLoads(ctx.viewer);
    } catch (error) {
        console.warn('viewer:', error);
        stage.append(h('p', { class: 'hb-error', role: 'alert', text: t(ctx.lang, 'webglMissing') }));
        return;
    }
    const viewer = ctx.viewer;
    viewer.addEventListener('ready', () => {
        setMarkers(ctx);
        viewer.addEventListener(
            'render',
            () => {
                ctx.ready = true;
                document.getElementById('hb-app').classList.add('hb-live');
                markFirstView();
                setTimeout(() => document.getElementById('hb-preview')?.remove(), ctx.reducedMotion ? 0 : 700);
                if (ctx.entered) markInteractive();
                // Narration starts once the first view is sharp (at once on a fast network).
                whenNetworkQuiet(ctx, () => ctx.narration.wanted && ctx.narration.unlocking && ctx.narration.play(), 200);
                whenNetworkQuiet(ctx, () => whenIdle(() => afterFirstView(ctx)));
            },
            { once: true },
        );
    }, { once: true });
    let timer = null;
    const remember = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            if (!ctx.ready || ctx.transitioning) return;
            const view = currentViewOf(ctx);
            ctx.view = view;
            history.replaceState({ scene: ctx.sceneId }, '', formatHash({ scene: ctx.sceneId, ...view, edit: parseHash(location.hash).edit }));
        }, 400);
    };
    viewer.addEventListener('position-updated', remember);
    viewer.addEventListener('zoom-updated', remember);
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

/** After the first view: plugins, the edit mode, and the next scenes' previews and bases. */
async function afterFirstView(ctx) {
    prefetchNeighbours(ctx);
    try {
        const plugins = await import('./plugins.js');
        ctx.plugins = await plugins.addPlugins(ctx);
        renderToolbar(ctx);
    } catch (error) {
        console.warn('plugins:', error);
    }
    if (ctx.editAvailable) {
        const edit = await import('./ui/edit.js');
        ctx.edit = new edit.EditMode(ctx);
        if (parseHash(location.hash).edit) ctx.edit.toggle(true);
        renderToolbar(ctx);
    }
}

const prefetched = new Set();

function prefetchNeighbours(ctx) {
    const scene = ctx.scenes.get(ctx.sceneId);
    const order = ctx.tour.scenes;
    const next = order[order.indexOf(scene) + 1];
    const ids = [...scene.hotspots.filter((item) => item.type === 'link').map((item) => item.target), next?.id].filter(Boolean);
    for (const id of [...new Set(ids)].slice(0, 4)) {
        const target = ctx.scenes.get(id);
        if (!target || prefetched.has(id)) continue;
        prefetched.add(id);
        if (target.panorama.preview) document.head.append(h('link', { rel: 'prefetch', href: target.panorama.preview.src, as: 'image' }));
        if (ctx.viewer) ctx.viewerModule.preloadScene(ctx.viewer, target);
    }
}

function currentViewOf(ctx) {
    if (ctx.viewer && ctx.ready) return ctx.viewerModule.currentView(ctx.viewer);
    return ctx.view;
}

function setMarkers(ctx) {
    if (!ctx.markers) return;
    const scene = ctx.scenes.get(ctx.sceneId);
    ctx.markers.setMarkers(scene.hotspots.map((hotspot) => markerFor(hotspot, ctx, ctx.activateHotspot)));
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
    const changed = id !== ctx.sceneId;
    ctx.sceneId = id;
    ctx.view = view;
    if (options.push) history.pushState({ scene: id }, '', formatHash({ scene: id, ...view }));
    renderScene(ctx);
    if (changed) {
        ctx.narration.load(scene);
        ctx.service?.enter(id);
        ctx.announcer.textContent = pick(scene.title, ctx.lang, ctx.languages);
    }
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
            ctx.plugins?.sceneChanged?.(scene);
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
    const same = id === ctx.sceneId && ['yaw', 'pitch', 'fov'].every((key) => view[key] === undefined || Math.abs(view[key] - current[key]) < 0.2);
    if (!same) ctx.goTo(id, { view });
}

function renderScene(ctx) {
    const scene = ctx.scenes.get(ctx.sceneId);
    const hall = pick(ctx.tour.hall.title, ctx.lang, ctx.languages);
    const title = pick(scene.title, ctx.lang, ctx.languages);
    ctx.header.querySelector('.hb-hall-title').textContent = hall;
    ctx.header.querySelector('.hb-scene-title').textContent = title;
    document.title = title && title !== hall ? `${title} · ${hall}` : hall;
}

function applyLanguage(ctx) {
    document.documentElement.lang = ctx.lang;
    ctx.panel.setLanguage(ctx.lang);
    const enter = document.getElementById('hb-enter');
    if (enter) enter.textContent = t(ctx.lang, 'enter');
    const cover = document.getElementById('hb-cover');
    if (cover) {
        const title = cover.querySelector('.hb-cover-title');
        const subtitle = cover.querySelector('.hb-cover-subtitle');
        if (title) title.textContent = pick(ctx.tour.hall.title, ctx.lang, ctx.languages);
        if (subtitle) subtitle.textContent = pick(ctx.tour.hall.subtitle, ctx.lang, ctx.languages);
    }
    renderScene(ctx);
    renderToolbar(ctx);
    ctx.narration.render();
    ctx.guide.render();
    ctx.announcements.set(collect(ctx, ctx.remoteAnnouncements || []));
    if (ctx.ready) setMarkers(ctx);
}

function setLanguage(ctx, lang) {
    ctx.lang = lang;
    rememberLanguage(lang);
    applyLanguage(ctx);
    ctx.narration.load(ctx.scenes.get(ctx.sceneId));
}

function toolButton(name, label, onclick, extra = {}) {
    return h('button', { type: 'button', class: `hb-tool hb-tool--${name}`, 'aria-label': label, title: label, onclick, ...extra }, [icon(name)]);
}

function renderToolbar(ctx) {
    if (!ctx.toolbar) return;
    const { lang } = ctx;
    const select = h('select', { class: 'hb-lang', 'aria-label': t(lang, 'language') }, ctx.languages.map((code) => h('option', { value: code, selected: code === lang, text: languageName(code) })));
    select.addEventListener('change', () => setLanguage(ctx, select.value));
    const guideLabel = ctx.guide.active ? t(lang, 'guideStop') : t(lang, 'guide');
    ctx.toolbar.setAttribute('aria-label', t(lang, 'more'));
    ctx.toolbar.replaceChildren(
        toolButton('scenes', t(lang, 'scenes'), () => openSceneList(ctx)),
        toolButton('guide', guideLabel, () => (ctx.guide.active ? ctx.guide.stop() : ctx.guide.start()), { 'aria-pressed': String(ctx.guide.active) }),
        toolButton('list', t(lang, 'hotspots'), () => openHotspotList(ctx)),
        toolButton('share', t(lang, 'share'), () => import('./ui/share.js').then((share) => share.openShare(ctx))),
        h('label', { class: 'hb-lang-label' }, [icon('lang'), select]),
        toolButton('more', t(lang, 'more'), () => openMore(ctx)),
    );
}

function openMore(ctx) {
    const { lang } = ctx;
    const item = (name, iconName, label, onclick, pressed = null) =>
        h('li', {}, [h('button', { type: 'button', class: `hb-menu-item hb-menu-item--${name}`, 'aria-pressed': pressed === null ? null : String(pressed), onclick }, [icon(iconName), h('span', { text: label })])]);
    const close = (callback) => () => {
        ctx.panel.close();
        callback();
    };
    const plugins = ctx.plugins || {};
    const items = [
        plugins.gyroscope ? item('gyroscope', 'gyro', t(lang, 'gyroscope'), close(() => plugins.toggleGyroscope()), plugins.gyroscopeOn()) : null,
        plugins.stereo ? item('stereo', 'vr', t(lang, 'stereo'), close(() => plugins.toggleStereo())) : null,
        document.fullscreenEnabled && ctx.viewer ? item('fullscreen', 'fullscreen', t(lang, 'fullscreen'), close(() => ctx.viewer.toggleFullscreen())) : null,
        plugins.map ? item('map', 'map', t(lang, 'map'), close(() => plugins.toggleMap()), plugins.mapVisible()) : null,
        item('announcements', 'bell', t(lang, 'announcements'), () => ctx.announcements.open()),
        ctx.tour.showcases?.length ? item('showcases', 'star', showcaseHallLabel(lang), () => openShowcaseHall(ctx)) : null,
        ctx.service ? item('comment', 'comment', t(lang, 'comments'), () => ctx.service.openComments()) : null,
        ctx.service ? item('message', 'edit', t(lang, 'message'), () => ctx.service.openMessage()) : null,
        ctx.edit ? item('edit', 'edit', t(lang, 'edit'), close(() => ctx.edit.toggle()), ctx.edit.active) : null,
    ];
    ctx.panel.open('more', t(lang, 'more'), h('ul', { class: 'hb-menu' }, items));
}
