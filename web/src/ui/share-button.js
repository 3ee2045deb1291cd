// The toolbar's Share button. The share panel's code (with its QR encoder) loads after the first view, so
// Share still opens offline; where it never loaded, the panel shows the link and says why it cannot be sent.
import { t } from '../i18n.js';
import { h } from './dom.js';

/** Loads the share panel's code ahead of need (call once the first view is in). */
export function preloadShare() {
    import('./share.js').catch(() => {});
}

/** The Share button for the Toolbar; `link()` is the deep link of what the visitor sees now. */
export function shareButton({ panel, link }) {
    return {
        name: 'share',
        label: (lang) => t(lang, 'share'),
        action: (lang) =>
            import('./share.js').then(
                (share) => share.openShare({ lang, panel, link: link() }),
                () => openOffline({ lang, panel, link: link() }),
            ),
    };
}

function openOffline({ lang, panel, link }) {
    const field = h('input', {
        type: 'url',
        readonly: true,
        value: link,
        class: 'hb-share-link',
        'aria-label': t(lang, 'share'),
    });
    panel.open('share', t(lang, 'share'), [
        field,
        h('p', { class: 'hb-status', role: 'status', text: t(lang, 'shareOffline') }),
    ]);
}
