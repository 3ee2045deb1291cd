// The visitor's tour, wired: the tour state (tour-state.js), the stage that draws it (stage/) and the
// features, each given what it needs and listening to the state's events. Nothing here does a feature's work.
import { followAddress } from './address.js';
import { linkTo, parseHash } from './deeplink.js';
import { markerFor } from './hotspots.js';
import { initialLanguage, rememberLanguage, setBrowserLanguages, t, uiLocale } from './i18n.js';
import { markFirstView, markInteractiveWhenReady } from './marks.js';
import { staticPage } from './page.js';
import { Showcases } from './showcase/index.js';
import { FlatEvent, SettledEvent, SharpEvent } from './stage/events.js';
import { Stage } from './stage/index.js';
import { loadTour, sceneIndex } from './tour.js';
import { LanguageChangedEvent, TourState } from './tour-state.js';
import { Announcements } from './ui/announcements.js';
import { Cover } from './ui/cover.js';
import { h } from './ui/dom.js';
import { fullscreenMenuItem } from './ui/fullscreen.js';
import { GuidedTour, GuideChangedEvent } from './ui/guide.js';
import { Header } from './ui/header.js';
import { openInfo } from './ui/info.js';
import { pauseNarrationDuringVideos } from './ui/media.js';
import { Narration } from './ui/narration.js';
import { Panel } from './ui/panel.js';
import { openHotspotList, openSceneList } from './ui/scenes.js';
import { Service } from './ui/service.js';
import { preloadShare, shareButton } from './ui/share-button.js';
import { Toolbar } from './ui/toolbar.js';

export async function start() {
    const tour = await loadTour();
    setBrowserLanguages(navigator.languages || [navigator.language]);
    const state = initialState(tour, parseHash(location.hash));
    const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const page = staticPage();
    const { app } = page;
    const top = h('div', { class: 'hb-top' });
    const ui = h('div', { class: 'hb-ui' }, [top]);
    app.append(ui);
    // The floor plan sits below the header and banner, whatever their height (styles.css reads this).
    new ResizeObserver(() => app.style.setProperty('--hb-top-height', `${top.offsetHeight + 8}px`)).observe(top);

    const panel = new Panel(document.body, state.lang);
    const service = tour.service?.url ? new Service({ state, tour, panel, config: tour.service }) : null;
    const header = new Header(top, { tour, state, extra: service?.viewsLabel });
    const announcements = new Announcements(top, { state, tour, panel, service });
    const showcases = new Showcases({ tour, state, panel, api: service?.api });
    let edit = null;
    const activate = (hotspot) => {
        if (edit?.active) return;
        if (hotspot.type === 'link') state.goTo(hotspot.target, { push: true });
        else if (hotspot.type === 'info') openInfo(hotspot, { state, panel });
        else if (hotspot.type === 'showcase') showcases.openBranch(hotspot.branch);
    };
    const markersOf = (scene) => scene.hotspots.map((item) => markerFor(item, { tour, lang: state.lang }, activate));
    const busy = () => guide.active || Boolean(edit?.active);
    const { preview, css } = page;
    const stage = new Stage({ state, tour, container: page.stage, preview, app, css, reducedMotion, markersOf, busy });
    const narration = new Narration(ui, { state, panel });
    const guide = new GuidedTour(ui, { state, tour, narration, stage, reducedMotion });
    const label = (key) => (lang) => t(lang, key);
    const toolbar = new Toolbar(ui, {
        state,
        panel,
        buttons: [
            { name: 'scenes', label: label('scenes'), action: () => openSceneList({ tour, state, panel }) },
            {
                name: 'guide',
                label: (lang) => t(lang, guide.active ? 'guideStop' : 'guide'),
                pressed: () => guide.active,
                action: () => guide.toggle(),
            },
            { name: 'list', label: label('hotspots'), action: () => openHotspotList({ tour, state, panel, activate }) },
            shareButton({ panel, link: () => linkTo({ scene: state.sceneId, ...stage.currentView() }) }),
        ],
    });
    toolbar.addMenuItems([
        fullscreenMenuItem(panel),
        ...announcements.menuItems(),
        ...showcases.menuItems(),
        ...(service?.menuItems() ?? []),
    ]);

    guide.addEventListener(GuideChangedEvent.type, () => toolbar.render());
    state.addEventListener(LanguageChangedEvent.type, ({ lang }) => {
        rememberLanguage(lang);
        panel.setLanguage(lang);
    });
    pauseNarrationDuringVideos({ narration, state });
    followAddress(state, tour.hall.start);
    markFirstView();
    markInteractiveWhenReady(state);
    new Cover({ tour, state, page, onEnter: () => narration.unlock(!state.live) });

    stage.addEventListener(FlatEvent.type, () => header.showAlert('webglMissing'));
    stage.addEventListener(SharpEvent.type, () => narration.startAfterUnlock());
    let settled = false;
    stage.addEventListener(SettledEvent.type, async ({ plugins, viewer, markers }) => {
        preloadShare();
        if (plugins) toolbar.addMenuItems(plugins.menuItems());
        // Staff tools only where the server that served this page says so (`hallbuilder serve` on this computer).
        if (tour.edit) {
            const { EditMode } = await import('./ui/edit.js');
            edit = new EditMode({
                tour,
                state,
                viewer,
                markers,
                autorotate: plugins?.autorotate,
                app,
                surface: page.stage,
            });
            toolbar.addMenuItems(edit.menuItems());
            if (parseHash(location.hash).edit) edit.toggle(true);
        }
        if (service && viewer) startPins({ state, viewer, markers, service, stage, root: ui });
        settled = true;
    });
    startMusic({ tour, state, ui });
    // A small read-only handle for tests, the benchmark and staff poking at the console.
    window.hallbuilderTour = {
        scene: () => state.sceneId,
        view: () => stage.currentView(),
        look: (view) => stage.look({ ...stage.currentView(), ...view }, { reducedMotion: true }),
        ready: () => state.live,
        pendingLoads: () => stage.pendingLoads,
        settled: () => settled,
    };
    stage.start();
}

/** Where the visit starts: the linked scene and view, else the hall's start, in the visitor's language. */
function initialState(tour, link) {
    const scenes = sceneIndex(tour);
    const first = scenes.get(link.scene) || scenes.get(tour.hall.start) || tour.scenes[0];
    const languages = tour.hall.languages;
    return new TourState({ scenes, languages, scene: first.id, view: link, lang: initialLanguage(languages) });
}

/** Background music: its code after the first paint, its file only after Enter (music.js). */
function startMusic({ tour, state, ui }) {
    if (!tour.hall.music && !tour.scenes.some((scene) => scene.music)) return;
    const locale = (lang) => uiLocale(lang, navigator.languages || []);
    requestAnimationFrame(() => import('./music.js').then(({ Music }) => new Music(ui, { tour, state, locale })));
}

/** Comments pinned in the panorama (pins/), after the first view, where the tour has a service. */
function startPins({ state, viewer, markers, service, stage, root }) {
    import('./pins/index.js').then(
        ({ PinnedComments }) => {
            const view = () => stage.currentView();
            const pins = new PinnedComments({ state, viewer, markers, api: service.api, view, root });
            service.pinning = pins.formHooks();
        },
        () => {},
    );
}
