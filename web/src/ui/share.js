// Share: the Web Share API where present, else copy the link; a QR code of the current view's deep link.
import qrcode from 'qrcode-generator';
import { t } from '../i18n.js';
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

/** A QR code as an SVG element built node by node (no markup strings). */
export function qrSvg(text, label) {
    const code = qrcode(0, 'M');
    code.addData(text);
    code.make();
    const count = code.getModuleCount();
    const quiet = 4;
    const size = count + quiet * 2;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    svg.setAttribute('class', 'hb-qr');
    svg.setAttribute('shape-rendering', 'crispEdges');
    const background = document.createElementNS(SVG, 'rect');
    background.setAttribute('width', String(size));
    background.setAttribute('height', String(size));
    background.setAttribute('fill', '#fff');
    svg.append(background);
    let d = '';
    for (let row = 0; row < count; row++) {
        for (let col = 0; col < count; col++) {
            if (code.isDark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
        }
    }
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', '#000');
    svg.append(path);
    return svg;
}

async function copy(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        const area = h('textarea', { readonly: true, class: 'hb-offscreen' }, [text]);
        document.body.append(area);
        area.select();
        let done = false;
        try {
            done = document.execCommand('copy');
        } catch {
            done = false;
        }
        area.remove();
        return done;
    }
}

/** Opens the share panel for the current view. */
export function openShare(ctx) {
    const { lang } = ctx;
    const link = ctx.currentLink();
    const status = h('p', { class: 'hb-status', role: 'status' });
    const field = h('input', { type: 'url', readonly: true, value: link, class: 'hb-share-link', 'aria-label': t(lang, 'share') });
    const copyButton = h('button', {
        type: 'button',
        class: 'hb-button',
        text: t(lang, 'copyLink'),
        onclick: async () => {
            status.textContent = t(lang, (await copy(link)) ? 'shareCopied' : 'shareCopyFailed');
        },
    });
    const shareButton = navigator.share
        ? h('button', {
              type: 'button',
              class: 'hb-button hb-button--primary',
              text: t(lang, 'share'),
              onclick: () => navigator.share({ title: document.title, url: link }).catch(() => {}),
          })
        : null;
    ctx.panel.open('share', t(lang, 'share'), [
        h('div', { class: 'hb-share-actions' }, [shareButton, copyButton]),
        field,
        status,
        h('figure', { class: 'hb-qr-figure' }, [qrSvg(link, t(lang, 'shareQr')), h('figcaption', { text: t(lang, 'shareQr') })]),
    ]);
}
