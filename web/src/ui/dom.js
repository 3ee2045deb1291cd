// Tiny DOM helpers. Every text goes through textContent: tour.json is data, never markup.

/**
 * Creates an element: h('button', {class: 'x', 'aria-label': 'Close', onclick: fn}, ['text', child]).
 * Keys starting with "on" become listeners; null/false attributes are skipped.
 */
export function h(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
        if (value === null || value === undefined || value === false) continue;
        if (key.startsWith('on') && typeof value === 'function') {
            node.addEventListener(key.slice(2), value);
        } else if (key === 'text') {
            node.textContent = value;
        } else if (value === true) {
            node.setAttribute(key, '');
        } else {
            node.setAttribute(key, String(value));
        }
    }
    for (const child of [].concat(children)) {
        if (child === null || child === undefined || child === false) continue;
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
}

/** Replaces the children of `node`. */
export function fill(node, children) {
    node.replaceChildren();
    for (const child of [].concat(children)) {
        if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
}

/** An inline SVG icon from a fixed path set (no data involved). */
export function icon(name) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.classList.add('hb-icon');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', ICONS[name] || ICONS.dot);
    svg.append(path);
    return svg;
}

const ICONS = {
    dot: 'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z',
    scenes: 'M4 5h7v6H4zM13 5h7v6h-7zM4 13h7v6H4zM13 13h7v6h-7z',
    play: 'M8 5v14l11-7z',
    pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
    skip: 'M6 5v14l9-7zM16 5h2v14h-2z',
    stop: 'M6 6h12v12H6z',
    guide: 'M5 21V4M5 4h12l-3 4 3 4H5M2 21h6',
    audio: 'M4 9h4l5-4v14l-5-4H4zM16 8a5 5 0 0 1 0 8M18.5 5.5a9 9 0 0 1 0 13',
    lang: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM2 12h20M12 2c3 3 4 6.5 4 10s-1 7-4 10c-3-3-4-6.5-4-10s1-7 4-10z',
    share: 'M18 8a3 3 0 1 0-2.8-4L8.8 7.6a3 3 0 1 0 0 4.8l6.4 3.6A3 3 0 1 0 16 14l-6.4-3.6a3 3 0 0 0 0-.8L16 6a3 3 0 0 0 2 2z',
    more: 'M5 10a2 2 0 1 0 0 4a2 2 0 1 0 0-4zM12 10a2 2 0 1 0 0 4a2 2 0 1 0 0-4zM19 10a2 2 0 1 0 0 4a2 2 0 1 0 0-4z',
    close: 'M6 6l12 12M18 6L6 18',
    info: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM11 10h2v7h-2zM11 6h2v2h-2z',
    arrow: 'M12 3l8 9h-5v9H9v-9H4z',
    star: 'M12 2l3 7h7l-5.5 4.5 2 7.5-6.5-4.5-6.5 4.5 2-7.5L2 9h7z',
    list: 'M4 6h16M4 12h16M4 18h16',
    gyro: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM12 7v5l3 3',
    vr: 'M3 7h18v10h-6l-3-3-3 3H3zM7 11a1.5 1.5 0 1 0 0 .1M17 11a1.5 1.5 0 1 0 0 .1',
    fullscreen: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
    bell: 'M12 3a6 6 0 0 0-6 6v5l-2 3h16l-2-3V9a6 6 0 0 0-6-6zM10 20a2 2 0 0 0 4 0',
    comment: 'M4 4h16v12H8l-4 4z',
    map: 'M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3z',
    edit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
    transcript: 'M6 3h9l4 4v14H6zM9 11h7M9 15h7',
    captions: 'M3 5h18v14H3zM10 10a2.5 2.5 0 1 0 0 4M17 10a2.5 2.5 0 1 0 0 4',
};

/** Text with blank-line or newline breaks as <p> elements (always as text, never as HTML). */
export function paragraphs(text) {
    return String(text || '')
        .split(/\n+/)
        .filter((line) => line.trim())
        .map((line) => h('p', { text: line }));
}
