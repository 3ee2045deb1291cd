// An accessible side panel on the native <dialog>: focus moves in, Escape closes, focus returns.
import { t } from '../i18n.js';
import { fill, h, icon } from './dom.js';

export class Panel {
    constructor(root, lang) {
        this.lang = lang;
        this.title = h('h2', { class: 'hb-panel-title', id: 'hb-panel-title' });
        this.body = h('div', { class: 'hb-panel-body' });
        this.closeButton = h(
            'button',
            { type: 'button', class: 'hb-panel-close', 'aria-label': t(lang, 'close'), onclick: () => this.close() },
            [icon('close')],
        );
        this.dialog = h('dialog', { class: 'hb-panel', 'aria-labelledby': 'hb-panel-title' }, [
            h('div', { class: 'hb-panel-head' }, [this.title, this.closeButton]),
            this.body,
        ]);
        // The native 'close' event fires later; when the panel was reopened meanwhile it is stale.
        this.dialog.addEventListener('close', () => {
            if (!this.dialog.open) this.closed();
        });
        this.dialog.addEventListener('click', (event) => {
            if (event.target === this.dialog) this.close();
        });
        root.append(this.dialog);
        this.name = null;
    }

    setLanguage(lang) {
        this.lang = lang;
        this.closeButton.setAttribute('aria-label', t(lang, 'close'));
    }

    /** Opens the panel named `name` with a title and content; `onclose` runs when it closes. */
    open(name, title, content, onclose = null) {
        if (this.dialog.open) this.close();
        this.name = name;
        this.title.textContent = title;
        fill(this.body, content);
        this.dialog.showModal();
        this.onclose = onclose;
        this.body.scrollTop = 0;
    }

    close() {
        if (this.dialog.open) this.dialog.close();
        this.closed();
    }

    /** Runs the closing panel's `onclose` once, synchronously, so reopening cannot inherit it. */
    closed() {
        const onclose = this.onclose;
        this.name = null;
        this.onclose = null;
        onclose?.();
    }

    get isOpen() {
        return this.dialog.open;
    }
}
