// The panorama viewer: Photo Sphere Viewer with multi-resolution cube tiles and markers.
// Loaded as its own chunk after the preview has painted, so it never delays the first view.
import { SYSTEM, Viewer } from '@photo-sphere-viewer/core';
import { CubemapTilesAdapter } from '@photo-sphere-viewer/cubemap-tiles-adapter';
import { MarkersPlugin } from '@photo-sphere-viewer/markers-plugin';
import { applyViewLimits, fovRange, viewLimitsPlugin } from './view-limits.js';
import { toDegrees, toRadians } from './angles.js';

export const MIN_FOV = 30;
export const MAX_FOV = 100;
const MAX_PIXEL_RATIO = 2;

/** PSV's panorama config for a tour.json scene: tiles by level, the base as a 4×3 net (which PSV flips). */
export function panoramaOf(scene) {
    const pano = scene.panorama;
    return {
        levels: pano.levels.map(({ faceSize, nbTiles }) => ({ faceSize, nbTiles })),
        // With a nadir logo the bottom face has tiles of its own (tour.json panorama.bottomTiles).
        tileUrl: (face, col, row, level) =>
            (face === 'bottom' && pano.bottomTiles ? pano.bottomTiles : pano.tiles)
                .replace('{level}', String(level))
                .replace('{face}', face)
                .replace('{row}', String(row))
                .replace('{col}', String(col)),
        baseUrl: { type: 'net', path: pano.base },
        flipTopBottom: true,
    };
}

const FULL_RANGE = { minFov: MIN_FOV, maxFov: MAX_FOV };

/** PSV zoom level (0..100) for a vertical field of view in degrees, within `range` (a scene's or the viewer's
 * minFov and maxFov: `viewer.config`). */
export function zoomForFov(fov, { minFov, maxFov } = FULL_RANGE) {
    const clamped = Math.min(maxFov, Math.max(minFov, fov));
    return maxFov === minFov ? 0 : ((maxFov - clamped) / (maxFov - minFov)) * 100;
}

/** Vertical field of view in degrees for a PSV zoom level within `range`. */
export function fovForZoom(zoom, { minFov, maxFov } = FULL_RANGE) {
    return maxFov - (zoom / 100) * (maxFov - minFov);
}

/**
 * Creates the viewer on `container` showing `scene` at `view` ({yaw, pitch, fov} in degrees), with the
 * other PSV `plugins` (see plugins.js) and PSV's `lang` texts.
 */
export function createViewer(container, scene, view, { reducedMotion, plugins = [], lang = {} }) {
    // Drawing at 3× on a phone costs GPU time and battery for no detail the tiles have: cap at 2×.
    SYSTEM.load();
    SYSTEM.pixelRatio = Math.min(SYSTEM.pixelRatio, MAX_PIXEL_RATIO);
    const range = fovRange(scene);
    const viewer = new Viewer({
        container,
        adapter: [CubemapTilesAdapter, { showErrorTile: false }],
        panorama: panoramaOf(scene),
        defaultYaw: toRadians(view.yaw),
        defaultPitch: toRadians(view.pitch),
        defaultZoomLvl: zoomForFov(view.fov, range),
        ...range,
        navbar: false,
        loadingImg: null,
        loadingTxt: '',
        keyboard: 'always',
        mousewheelCtrlKey: false,
        touchmoveTwoFingers: false,
        moveInertia: !reducedMotion,
        lang,
        plugins: [[MarkersPlugin, { clickEventOnMarker: false }], viewLimitsPlugin(scene), ...plugins],
    });
    return { viewer, markers: viewer.getPlugin(MarkersPlugin) };
}

/** The current view in degrees. */
export function currentView(viewer) {
    const position = viewer.getPosition();
    return {
        yaw: toDegrees(position.yaw),
        pitch: toDegrees(position.pitch),
        fov: fovForZoom(viewer.getZoomLevel(), viewer.config),
    };
}

/** Moves to another scene with a transition (a plain cut when motion is reduced). */
export function showScene(viewer, scene, view, { reducedMotion }) {
    applyViewLimits(viewer, scene);
    return viewer.setPanorama(panoramaOf(scene), {
        position: { yaw: toRadians(view.yaw), pitch: toRadians(view.pitch) },
        zoom: zoomForFov(view.fov, viewer.config),
        transition: reducedMotion ? false : { speed: 900, rotation: true, effect: 'fade' },
        showLoader: false,
    });
}

/** Turns the camera to a view (instant when motion is reduced). */
export function lookAt(viewer, view, { reducedMotion }) {
    const target = {
        yaw: toRadians(view.yaw),
        pitch: toRadians(view.pitch),
        zoom: zoomForFov(view.fov, viewer.config),
    };
    if (reducedMotion) {
        viewer.rotate(target);
        viewer.zoom(target.zoom);
        return Promise.resolve();
    }
    return viewer.animate({ ...target, speed: '4rpm' });
}

/** Turns the camera `degrees` to the right, keeping its pitch. */
export function turnBy(viewer, degrees) {
    const position = viewer.getPosition();
    viewer.rotate({ yaw: position.yaw + toRadians(degrees), pitch: position.pitch });
}

/**
 * Preloads a scene's base image so moving there shows something at once, through PSV's public texture
 * loader (`viewer.textureLoader.preloadPanorama`, what the virtual tour plugin's own preload calls).
 */
export function preloadScene(viewer, scene) {
    return viewer.textureLoader.preloadPanorama(panoramaOf(scene)).catch(() => {});
}

/**
 * Counts the viewer's image loads in flight (base images and tiles), so prefetching and narration can wait
 * for them. PSV announces no tile load (the tiles adapter calls `textureLoader.loadImage` and tells no one),
 * so this wraps that public method on this viewer's loader: the one place the tour works around PSV.
 * Without it the tour still works: nothing ever counts as pending.
 */
export function trackLoads(viewer) {
    const loader = viewer.textureLoader;
    const state = { pending: 0 };
    for (const name of ['loadImage', 'loadFile']) {
        const original = loader[name].bind(loader);
        loader[name] = (...args) => {
            state.pending++;
            const promise = original(...args);
            const done = () => state.pending--;
            promise.then(done, done);
            return promise;
        };
    }
    return state;
}
