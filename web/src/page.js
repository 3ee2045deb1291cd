// The static page's elements (hallbuilder/site/page.py writes them), looked up in one place when the tour
// starts; the parts are given the ones they use.

/** `{app, stage, preview, cover, enter, css}`: any missing one is null. */
export function staticPage(doc = document) {
    const get = (id) => doc.getElementById(id);
    return {
        app: get('hb-app'),
        stage: get('hb-stage'),
        preview: get('hb-preview'),
        cover: get('hb-cover'),
        enter: get('hb-enter'),
        css: get('hb-css'),
    };
}

/**
 * Resolves once stylesheet `css` applies (at once when there is none or it already does). Also when it fails to
 * load or takes longer than `patience` ms: Enter and the panorama must never wait for good looks forever.
 */
export function whenStyled(css, patience = 8000) {
    if (!css || css.sheet) return Promise.resolve();
    return new Promise((done) => {
        css.addEventListener('load', done, { once: true });
        css.addEventListener('error', done, { once: true });
        setTimeout(done, patience);
    });
}
