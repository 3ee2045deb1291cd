// Fullscreen for the whole tour page (not only PSV's panorama element), so the toolbar, header and
// narration bar stay. iPhone Safari has no Fullscreen API for elements: the menu explains the home-screen way.
import { t } from '../i18n.js';
import { h } from './dom.js';

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

/** The More menu's entry: fullscreen where the browser has it, else how to get it (opens `panel`). */
export function fullscreenMenuItem(panel) {
    const base = { name: 'fullscreen', order: 30 };
    if (canFullscreen())
        return {
            ...base,
            label: (lang) => t(lang, isFullscreen() ? 'fullscreenExit' : 'fullscreen'),
            pressed: isFullscreen,
            action: toggleFullscreen,
        };
    return {
        ...base,
        closes: false,
        label: (lang) => t(lang, 'fullscreen'),
        action: (lang) =>
            panel.open(
                'fullscreen',
                t(lang, 'fullscreen'),
                h('p', { class: 'hb-howto', text: t(lang, 'fullscreenHowTo') }),
            ),
    };
}
