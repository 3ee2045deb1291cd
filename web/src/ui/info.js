// Info panels: title, text, photos (tap to enlarge), inline video. Showcases live in ../showcase/.
import { pick, t } from '../i18n.js';
import { h, paragraphs } from './dom.js';

function photo(image, index, { lang, languages }) {
    const alt = pick(image.alt, lang, languages) || t(lang, 'photo', index + 1);
    const srcset = (image.srcset || []).map((item) => `${item.src} ${item.width}w`).join(', ');
    const picture = h('img', {
        src: image.src,
        srcset: srcset || null,
        sizes: srcset ? '(max-width: 600px) 90vw, 480px' : null,
        alt,
        loading: 'lazy',
        width: image.width,
        height: image.height,
    });
    const enlarge = () => {
        const big = h('img', { src: image.src, alt, class: 'hb-lightbox-image' });
        const dialog = h('dialog', { class: 'hb-lightbox', 'aria-label': alt }, [
            h(
                'button',
                {
                    type: 'button',
                    class: 'hb-lightbox-close',
                    'aria-label': t(lang, 'close'),
                    onclick: () => dialog.close(),
                },
                ['×'],
            ),
            big,
        ]);
        dialog.addEventListener('close', () => dialog.remove());
        dialog.addEventListener('click', () => dialog.close());
        document.body.append(dialog);
        dialog.showModal();
    };
    return h(
        'button',
        { type: 'button', class: 'hb-photo', 'aria-label': `${t(lang, 'enlarge')}: ${alt}`, onclick: enlarge },
        [picture],
    );
}

function video(media, lang) {
    const element = h('video', {
        src: media.src,
        poster: media.poster || null,
        controls: true,
        preload: 'none',
        playsinline: true,
        'webkit-playsinline': true,
        width: media.width || null,
        height: media.height || null,
        'aria-label': t(lang, 'video'),
    });
    return element;
}

/** Opens an info hotspot's panel in `panel`, in the `state`'s language. */
export function openInfo(hotspot, { state, panel }) {
    const { lang, languages } = state;
    const title = pick(hotspot.title, lang, languages) || pick(hotspot.label, lang, languages) || t(lang, 'more');
    const content = [
        ...paragraphs(pick(hotspot.text, lang, languages)),
        (hotspot.images || []).length
            ? h(
                  'div',
                  { class: 'hb-photos' },
                  hotspot.images.map((image, index) => photo(image, index, state)),
              )
            : null,
        hotspot.video ? video(hotspot.video, lang) : null,
    ];
    panel.open('info', title, content, () => panel.body.querySelectorAll('video').forEach((item) => item.pause()));
}
