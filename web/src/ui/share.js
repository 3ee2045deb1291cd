// Share: the Web Share API where present, else copy the link; a QR code of the current view's deep link.
import qrcode from 'qrcode-generator';
import { t } from '../i18n.js';
import { h } from './dom.js';

/**
 * A QR code as an <img> (a GIF data: URL): WeChat's long-press "recognise QR code" reads images, not SVG.
 * 6 px modules and a 4-module quiet zone keep it sharp when the page is zoomed.
 */
export function qrImage(text, label) {
    const code = qrcode(0, 'M');
    code.addData(text);
    code.make();
    return h('img', { class: 'hb-qr', src: code.createDataURL(6, 24), alt: label, width: 220, height: 220 });
}

async function copy(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        const area = h('textarea', { readonly: true, class: 'hb-offscreen' }, [text]);
        document.body.append(area);
        area.select();
        let done;
        try {
            done = document.execCommand('copy');
        } catch {
            done = false;
        }
        area.remove();
        return done;
    }
}

/** Opens the share panel for `link` (the current view's deep link) in `panel`. */
export function openShare({ lang, panel, link }) {
    const status = h('p', { class: 'hb-status', role: 'status' });
    const field = h('input', {
        type: 'url',
        readonly: true,
        value: link,
        class: 'hb-share-link',
        'aria-label': t(lang, 'share'),
    });
    const copyButton = h('button', {
        type: 'button',
        class: 'hb-button',
        text: t(lang, 'copyLink'),
        onclick: async () => {
            const copied = t(lang, (await copy(link)) ? 'shareCopied' : 'shareCopyFailed');
            status.textContent = navigator.onLine === false ? `${copied} ${t(lang, 'shareOffline')}` : copied;
        },
    });
    const shareButton = navigator.share
        ? h('button', {
              type: 'button',
              class: 'hb-button hb-button--primary',
              text: t(lang, 'share'),
              onclick: () => {
                  if (navigator.onLine === false) status.textContent = t(lang, 'shareOffline');
                  else navigator.share({ title: document.title, url: link }).catch(() => {});
              },
          })
        : null;
    // Offline the link can still be copied (and the QR code shown), but sending it has to wait.
    const offline = () => (status.textContent = navigator.onLine === false ? t(lang, 'shareOffline') : '');
    panel.open(
        'share',
        t(lang, 'share'),
        [
            h('div', { class: 'hb-share-actions' }, [shareButton, copyButton]),
            field,
            status,
            h('figure', { class: 'hb-qr-figure' }, [
                qrImage(link, t(lang, 'shareQr')),
                h('figcaption', { text: t(lang, 'shareQr') }),
            ]),
        ],
        () => {
            window.removeEventListener('offline', offline);
            window.removeEventListener('online', offline);
        },
    );
    window.addEventListener('offline', offline);
    window.addEventListener('online', offline);
    offline();
}
