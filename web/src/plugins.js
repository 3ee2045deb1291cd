// Plugins not needed for the first view: autorotate, gyroscope, stereo (VR) and the floor-plan map.
import { AutorotatePlugin } from '@photo-sphere-viewer/autorotate-plugin';
import { GyroscopePlugin } from '@photo-sphere-viewer/gyroscope-plugin';
import { MapPlugin } from '@photo-sphere-viewer/map-plugin';
import { StereoPlugin } from '@photo-sphere-viewer/stereo-plugin';
import { pick } from './i18n.js';

/** Adds a plugin to a live viewer (PSV creates plugins in its constructor; this does the same later). */
function addPlugin(viewer, Plugin, config) {
    const plugin = new Plugin(viewer, config);
    viewer.plugins[Plugin.id] = plugin;
    plugin.init();
    return plugin;
}

/** Map hotspots for each scene with a point on the floor plan. */
function mapHotspots(ctx) {
    const points = ctx.tour.floorplan?.points || {};
    return Object.entries(points)
        .filter(([id]) => ctx.scenes.has(id))
        .map(([id, point]) => ({ id, x: point.x, y: point.y, tooltip: pick(ctx.scenes.get(id).title, ctx.lang, ctx.languages) }));
}

export async function addPlugins(ctx) {
    const viewer = ctx.viewer;
    const result = {};
    if (!ctx.reducedMotion) {
        result.autorotate = addPlugin(viewer, AutorotatePlugin, { autostartDelay: 15000, autostartOnIdle: true, autorotateSpeed: '0.6rpm', autorotatePitch: null });
    }
    const gyroscope = addPlugin(viewer, GyroscopePlugin, { touchmove: true, absolutePosition: false });
    if (await gyroscope.isSupported()) {
        result.gyroscope = gyroscope;
        result.stereo = addPlugin(viewer, StereoPlugin, {});
    }
    result.gyroscopeOn = () => Boolean(result.gyroscope?.isEnabled());
    result.toggleGyroscope = () => result.gyroscope.toggle();
    result.toggleStereo = () => result.stereo.toggle();
    const plan = ctx.tour.floorplan;
    if (plan) {
        const scene = ctx.scenes.get(ctx.sceneId);
        const center = plan.points[scene.id] || { x: plan.width / 2, y: plan.height / 2 };
        result.map = addPlugin(viewer, MapPlugin, {
            imageUrl: plan.image,
            center,
            rotation: `${-scene.north}deg`,
            hotspots: mapHotspots(ctx),
            size: '160px',
            position: 'top right',
            minimizeOnHotspotClick: true,
            buttons: { maximize: true, close: true, reset: true, north: true },
        });
        result.map.setActiveHotspot(scene.id);
        result.map.addEventListener('select-hotspot', ({ hotspotId }) => ctx.goTo(hotspotId, { push: true }));
        result.mapVisible = () => result.map.component?.state?.visible !== false;
        result.toggleMap = () => result.map.toggle();
    }
    result.sceneChanged = (next) => {
        if (!result.map) return;
        const center = plan.points[next.id];
        if (center) result.map.setCenter(center);
        result.map.setOptions({ rotation: `${-next.north}deg` });
        result.map.setActiveHotspot(center ? next.id : null);
    };
    return result;
}
