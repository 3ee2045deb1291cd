// The address bar follows the tour: a history entry for each move the visitor asks for, the view kept in the
// hash as they look around (a reload or a copied address opens where they were), and Back, Forward or a hash
// edited by hand move the tour.
import { formatHash, parseHash } from './deeplink.js';
import { definedView, LookRequestedEvent, SceneChangedEvent, sameView, ViewChangedEvent } from './tour-state.js';

const KEEP_VIEW_AFTER_MS = 400;

/** Keeps `state` and the address bar in step; `start` is the scene of an address that names none. */
export function followAddress(state, start) {
    const push = (scene, view) => history.pushState({ scene }, '', formatHash({ scene, ...view }));
    state.addEventListener(SceneChangedEvent.type, (event) => event.push && push(event.scene.id, event.view));
    state.addEventListener(LookRequestedEvent.type, (event) => event.push && push(state.sceneId, event.view));
    let timer = null;
    state.addEventListener(ViewChangedEvent.type, () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            const hash = formatHash({ scene: state.sceneId, ...state.view, edit: parseHash(location.hash).edit });
            history.replaceState({ scene: state.sceneId }, '', hash);
        }, KEEP_VIEW_AFTER_MS);
    });
    const follow = () => {
        const hash = parseHash(location.hash);
        const id = hash.scene && state.scenes.has(hash.scene) ? hash.scene : start;
        const view = definedView(hash);
        if (id !== state.sceneId || !sameView(view, state.view)) state.goTo(id, { view });
    };
    window.addEventListener('popstate', follow);
    window.addEventListener('hashchange', follow);
}
