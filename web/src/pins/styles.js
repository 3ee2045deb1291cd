// The pins' styles, added when the module loads (so they cost nothing before the first view). The bubbles
// never move or fade: still for everyone, so `prefers-reduced-motion` needs nothing more.
export const CSS = `
.hb-pin {
    max-width: 11em;
    padding: 4px 8px;
    border-radius: 8px;
    background: rgba(20, 20, 20, 0.78);
    color: #fff;
    font-size: 13px;
    line-height: 1.3;
    pointer-events: none;
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
}
.hb-pin strong {
    margin-right: 0.4em;
    color: #ffd76a;
}
.hb-pins-switch {
    position: absolute;
    right: 12px;
    bottom: 76px;
    width: 44px;
    height: 44px;
    border: 0;
    border-radius: 22px;
    background: rgba(20, 20, 20, 0.6);
    color: #fff;
    font-size: 20px;
    pointer-events: auto;
}
.hb-pins-switch[aria-pressed='false'] {
    opacity: 0.55;
}
.hb-pin-note {
    margin-left: 0.4em;
    font-size: 0.85em;
    opacity: 0.75;
}
`;

let sheet = null;

/** A constructed style sheet: the page's Content-Security-Policy refuses <style> elements. */
export function addStyles() {
    if (sheet) return;
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
