// Waiting for the network to go quiet, so what the visitor sees loads before what they may see next.

/** Runs `callback` once `pending()` has stayed 0 for `quietMs` (checked every 200 ms). */
export function whenNetworkQuiet(pending, callback, quietMs = 1000) {
    let quietSince = performance.now();
    const poll = setInterval(() => {
        if (pending() > 0) quietSince = performance.now();
        else if (performance.now() - quietSince >= quietMs) {
            clearInterval(poll);
            callback();
        }
    }, 200);
}

/** Runs `callback` when the browser is idle (soon after, where it cannot say). */
export function whenIdle(callback) {
    if ('requestIdleCallback' in window) requestIdleCallback(callback, { timeout: 2000 });
    else setTimeout(callback, 300);
}

/** The ids of the scenes a visitor is likely to go to next: the link hotspots' targets, then the next scene. */
export function likelyNext(scene, order, limit = 4) {
    const next = order[order.indexOf(scene) + 1];
    const ids = [...scene.hotspots.filter((item) => item.type === 'link').map((item) => item.target), next?.id];
    return [...new Set(ids.filter(Boolean))].slice(0, limit);
}
