// The PSV plugins of the tour beyond markers: autorotate, gyroscope, stereo (VR) and the floor-plan map.
// They are given to the Viewer's constructor (PSV's only public way to add plugins: one added later misses
// the viewer's `ready` event, which is when the map loads its image and shows). This chunk loads beside the
// viewer's own, so it adds no round trip.
import { AutorotatePlugin } from '@photo-sphere-viewer/autorotate-plugin';
import { GyroscopePlugin } from '@photo-sphere-viewer/gyroscope-plugin';
import { MapPlugin } from '@photo-sphere-viewer/map-plugin';
import { StereoPlugin } from '@photo-sphere-viewer/stereo-plugin';
import { pick, t } from './i18n.js';
import { SceneShownEvent } from './stage/events.js';
import { LanguageChangedEvent } from './tour-state.js';

const AUTOROTATE_DELAY_MS = 15000;

/** PSV's `lang` option in the tour's language (the stereo plugin's notices read it). */
export function psvLang(lang) {
    return {
        stereoNotification: t(lang, 'stereoNotification'),
        pleaseRotate: t(lang, 'pleaseRotate'),
        tapToContinue: t(lang, 'tapToContinue'),
        stereo: t(lang, 'stereo'),
        gyroscope: t(lang, 'gyroscope'),
        map: t(lang, 'map'),
        mapMaximize: t(lang, 'map'),
        mapMinimize: t(lang, 'close'),
        mapNorth: t(lang, 'map'),
        mapReset: t(lang, 'map'),
        close: t(lang, 'close'),
    };
}

/** Map hotspots: one dot per scene with a point on the floor plan, named by the scene's title. */
export function mapHotspots(tour, lang) {
    const points = tour.floorplan?.points || {};
    const scenes = new Map(tour.scenes.map((scene) => [scene.id, scene]));
    return Object.entries(points)
        .filter(([id]) => scenes.has(id))
        .map(([id, point]) => ({
            id,
            x: point.x,
            y: point.y,
            tooltip: pick(scenes.get(id).title, lang, tour.hall.languages),
            color: '#ffb000',
            size: 18,
            hoverSize: 24,
        }));
}

/** The plugin list for `new Viewer({plugins})` showing `scene`. */
export function pluginConfigs({ tour, scene, lang, reducedMotion }) {
    const list = [];
    if (!reducedMotion) {
        list.push([
            AutorotatePlugin,
            {
                autostartDelay: AUTOROTATE_DELAY_MS,
                autostartOnIdle: true,
                autorotateSpeed: '0.6rpm',
                autorotatePitch: null,
            },
        ]);
    }
    list.push([GyroscopePlugin, { touchmove: true, absolutePosition: false }], [StereoPlugin, {}]);
    const plan = tour.floorplan;
    if (plan) {
        list.push([
            MapPlugin,
            {
                imageUrl: plan.image,
                center: plan.points[scene.id] || { x: plan.width / 2, y: plan.height / 2 },
                rotation: `${-(scene.north || 0)}deg`,
                hotspots: mapHotspots(tour, lang),
                size: '160px',
                position: 'top right',
                visibleOnLoad: false,
                minimizeOnHotspotClick: true,
                buttons: { maximize: true, close: true, reset: true, north: true },
            },
        ]);
    }
    return list;
}

/**
 * The tour's handle on those plugins once the first view is in: their entries in the More menu, and the map
 * and autorotate following the tour (`state`'s language, `stage`'s scenes). Tapping a scene's dot on the map
 * goes there; `busy()` keeps autorotate from starting by itself.
 */
export async function tourPlugins(viewer, { tour, state, stage, busy }) {
    const autorotate = viewer.getPlugin(AutorotatePlugin);
    const gyroscope = viewer.getPlugin(GyroscopePlugin);
    const stereo = viewer.getPlugin(StereoPlugin);
    const map = viewer.getPlugin(MapPlugin);
    const motion = await gyroscope.isSupported();
    let mapOpen = false;
    let idle = null;
    // PSV's idle wait ends at setPanorama (it stops all animations) and starts again only on the visitor's
    // own input; it has no public way to restart it. So after a scene change the tour waits the same delay.
    const restartIdleWait = () => {
        clearTimeout(idle);
        if (!autorotate) return;
        idle = setTimeout(() => !busy() && !autorotate.isEnabled() && autorotate.start(), AUTOROTATE_DELAY_MS);
    };
    // PSV also starts autorotate by itself after the same delay without input, whatever the tour is doing.
    // While the tour is busy it is stopped again. Not inside the event: the plugin sets the camera rolling in
    // a promise callback after announcing the start, so a stop there would come first and leave it rolling.
    // Starting stopped PSV's idle timer, so PSV waits for the visitor's next input before it tries again.
    autorotate?.addEventListener('autorotate', ({ autorotateEnabled }) => {
        if (autorotateEnabled && busy()) setTimeout(() => busy() && autorotate.stop(), 0);
    });
    const cancelIdleWait = () => clearTimeout(idle);
    for (const type of ['pointerdown', 'keydown', 'wheel'])
        viewer.container.addEventListener(type, cancelIdleWait, { capture: true, passive: true });
    /** The map's centre, heading and dot follow the scene; autorotate starts its idle wait again. */
    const follow = (scene) => {
        if (map) {
            const center = tour.floorplan.points[scene.id];
            if (center) map.setCenter(center);
            map.setOptions({ rotation: `${-(scene.north || 0)}deg` });
            map.setActiveHotspot(center ? scene.id : null);
        }
        restartIdleWait();
    };
    if (map) {
        map.addEventListener('view-changed', ({ view }) => (mapOpen = view !== 'closed'));
        map.addEventListener('select-hotspot', ({ hotspotId }) => state.goTo(hotspotId, { push: true }));
    }
    stage.addEventListener(SceneShownEvent.type, ({ scene }) => follow(scene));
    state.addEventListener(LanguageChangedEvent.type, ({ lang }) => {
        viewer.setOption('lang', psvLang(lang));
        map?.setHotspots(mapHotspots(tour, lang));
    });
    follow(state.scene);
    const label = (key) => (lang) => t(lang, key);
    return {
        autorotate,
        /** Entries for the More menu (see Toolbar.addMenuItems). */
        menuItems: () =>
            [
                motion && {
                    name: 'gyroscope',
                    icon: 'gyro',
                    order: 10,
                    label: label('gyroscope'),
                    pressed: () => gyroscope.isEnabled(),
                    action: () => gyroscope.toggle(),
                },
                motion && {
                    name: 'stereo',
                    icon: 'vr',
                    order: 20,
                    label: label('stereo'),
                    action: () => stereo.toggle(),
                },
                map && {
                    name: 'map',
                    icon: 'map',
                    order: 40,
                    label: label('map'),
                    pressed: () => mapOpen,
                    action: () => (mapOpen ? map.close() : map.open()),
                },
            ].filter(Boolean),
    };
}
