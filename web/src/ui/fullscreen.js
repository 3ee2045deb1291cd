// Fullscreen for the whole tour page (not only PSV's panorama element), so the toolbar, header and
// narration bar stay. iPhone Safari has no Fullscreen API for elements: the menu explains the home-screen way.

const root = () => document.documentElement;

export function canFullscreen() {
    return Boolean(document.fullscreenEnabled || document.webkitFullscreenEnabled);
}

export function isFullscreen() {
    return Boolean(document.fullscreenElement || document.webkitFullscreenElement);
}

export function toggleFullscreen() {
    if (isFullscreen()) return (document.exitFullscreen || document.webkitExitFullscreen).call(document);
    const element = root();
    return (element.requestFullscreen || element.webkitRequestFullscreen).call(element);
}
