// View limits: how far a visitor may zoom and look up or down in a scene (tour.json `scene.limits`, made from
// hall.yaml's `limits`). PSV's own options hold the zoom range (minFov, maxFov); PSV's visible-range plugin
// keeps the view's top and bottom edges inside the pitch range under drag, pinch, keys and animations.
// Part of the viewer's chunk: nothing here loads before the first view.
import { VisibleRangePlugin } from '@photo-sphere-viewer/visible-range-plugin';
import { toRadians } from './angles.js';

/** The viewer's range where a scene has no limits (hall.yaml's defaults, config/limits.py). */
export const DEFAULT_LIMITS = Object.freeze({ minFov: 30, maxFov: 100, minPitch: -90, maxPitch: 90 });
/** A scene's limits in degrees; the widest view is never taller than the pitch range, so both can hold. */
export function limitsOf(scene) {
    const limits = { ...DEFAULT_LIMITS, ...scene.limits };
    const tallest = limits.maxPitch - limits.minPitch;
    return { ...limits, maxFov: Math.max(limits.minFov, Math.min(limits.maxFov, tallest)) };
}

/** PSV's zoom options for a scene. */
export function fovRange(scene) {
    const { minFov, maxFov } = limitsOf(scene);
    return { minFov, maxFov };
}

/** The visible-range plugin's vertical range in radians, or null for the whole sphere. */
export function verticalRange(scene) {
    const { minPitch, maxPitch } = limitsOf(scene);
    return minPitch <= -90 && maxPitch >= 90 ? null : [toRadians(minPitch), toRadians(maxPitch)];
}

/** The plugin entry for the viewer's constructor (PSV cannot add a plugin later), set for the first scene. */
export function viewLimitsPlugin(scene) {
    return [VisibleRangePlugin, { verticalRange: verticalRange(scene) }];
}

/** Puts a scene's limits on a live viewer; called before its panorama changes, so its view starts inside them. */
export function applyViewLimits(viewer, scene) {
    viewer.setOptions(fovRange(scene));
    viewer.getPlugin(VisibleRangePlugin)?.setVerticalRange(verticalRange(scene));
}
