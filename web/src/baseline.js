// Not shipped with tours: one equirectangular image in PSV's default adapter, with the same camera
// settings as the tour. The orientation tests compare against it; the benchmark times it as the baseline.
import { Viewer } from '@photo-sphere-viewer/core';
import { toRadians } from './angles.js';
import { MAX_FOV, MIN_FOV, zoomForFov } from './viewer.js';

const params = new URLSearchParams(location.hash.slice(1));
const number = (key, fallback) => (params.has(key) ? Number(params.get(key)) : fallback);
const viewer = new Viewer({
    container: document.getElementById('baseline'),
    panorama: params.get('pano'),
    defaultYaw: toRadians(number('yaw', 0)),
    defaultPitch: toRadians(number('pitch', 0)),
    defaultZoomLvl: zoomForFov(number('fov', 75)),
    minFov: MIN_FOV,
    maxFov: MAX_FOV,
    navbar: false,
    loadingTxt: '',
});
viewer.addEventListener(
    'ready',
    () => {
        viewer.addEventListener('render', () => performance.mark('tour:first-view'), { once: true });
        performance.mark('tour:interactive');
    },
    { once: true },
);
window.baseline = {
    look: ({ yaw, pitch, fov }) => {
        viewer.rotate({ yaw: toRadians(yaw), pitch: toRadians(pitch) });
        viewer.zoom(zoomForFov(fov));
    },
};
