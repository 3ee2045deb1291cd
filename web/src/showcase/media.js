// The showcase pages' pictures: branch logos, photos that enlarge on tap, and inline videos.
import { h, icon } from '../ui/dom.js';
import { st } from './strings.js';

/** A branch's logo (a star where it has none). */
export function logo(image) {
    if (!image) return h('span', { class: 'hb-branch-logo hb-branch-logo--none' }, [icon('star')]);
    return h('img', {
        class: 'hb-branch-logo',
        src: image.src,
        srcset: srcsetOf(image),
        sizes: '96px',
        alt: '',
        width: 96,
        height: 96,
        loading: 'lazy',
    });
}

/** The srcset of an image: its WebP sizes where the browser decodes WebP, else the others. */
function srcsetOf(image) {
    const webp = (image.srcset || []).filter((item) => item.type === 'image/webp');
    const items =
        webp.length && supportsWebp() ? webp : (image.srcset || []).filter((item) => item.type !== 'image/webp');
    return items.map((item) => `${item.src} ${item.width}w`).join(', ') || null;
}

let webpSupport = null;
function supportsWebp() {
    if (webpSupport === null)
        webpSupport = document.createElement('canvas').toDataURL('image/webp').startsWith('data:image/webp');
    return webpSupport;
}

/** A photo that opens large in a lightbox when tapped. */
export function photo(lang, image, alt) {
    const picture = h('img', {
        src: image.src,
        srcset: srcsetOf(image),
        sizes: '(max-width: 600px) 45vw, 200px',
        alt,
        loading: 'lazy',
        width: image.width,
        height: image.height,
    });
    const enlarge = () => {
        const dialog = h('dialog', { class: 'hb-lightbox', 'aria-label': alt }, [
            h(
                'button',
                {
                    type: 'button',
                    class: 'hb-lightbox-close',
                    'aria-label': st(lang, 'close'),
                    onclick: () => dialog.close(),
                },
                ['×'],
            ),
            h('img', { src: image.src, alt, class: 'hb-lightbox-image' }),
        ]);
        dialog.addEventListener('close', () => dialog.remove());
        dialog.addEventListener('click', () => dialog.close());
        document.body.append(dialog);
        dialog.showModal();
    };
    return h(
        'button',
        { type: 'button', class: 'hb-photo', 'aria-label': `${st(lang, 'enlarge')}: ${alt}`, onclick: enlarge },
        [picture],
    );
}

/** An inline video (no download before play). */
export function video(lang, media, title) {
    return h('video', {
        class: 'hb-branch-video',
        src: media.src,
        poster: media.poster || null,
        controls: true,
        preload: 'none',
        playsinline: true,
        'webkit-playsinline': true,
        width: media.width || null,
        height: media.height || null,
        'aria-label': `${st(lang, 'video')}: ${title}`,
    });
}
