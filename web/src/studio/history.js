// Every save keeps the previous hall.yaml: the list (newest first) with restore, and undo of the last change.
import { h } from '../ui/dom.js';
import { get } from './api.js';
import { button } from './fields.js';
import { t, uiLanguage } from './lang.js';

/** A save's time in the UI language ("14:05:09" today, with the date otherwise). */
export function whenText(time, lang, now = new Date()) {
    const date = new Date(typeof time === 'number' ? time * 1000 : time);
    if (Number.isNaN(date.getTime())) return String(time);
    const sameDay = date.toDateString() === now.toDateString();
    return sameDay ? date.toLocaleTimeString(lang) : date.toLocaleString(lang);
}

export class HistoryPanel {
    /** `restore(id)` restores a saved version through the store. */
    constructor(restore) {
        this.restore = restore;
        this.list = h('ol', { class: 'st-history-list' });
        this.element = h('dialog', { class: 'st-history', id: 'st-history', 'aria-labelledby': 'st-history-head' }, [
            h('h2', { id: 'st-history-head', text: t('history') }),
            this.list,
            button(t('close'), () => this.element.close(), { class: 'st-button' }),
        ]);
    }

    async open() {
        await this.refresh();
        if (!this.element.open) this.element.showModal();
    }

    async refresh() {
        const entries = await get('/api/history');
        const items = Array.isArray(entries) ? entries : entries.history || [];
        this.list.replaceChildren(
            ...(items.length
                ? items.map((entry) =>
                      h('li', { class: 'st-history-item', 'data-history': entry.id }, [
                          h('span', { text: `${whenText(entry.time, uiLanguage())} ${entry.summary || ''}` }),
                          button(t('restore'), async () => {
                              await this.restore(entry.id);
                              await this.refresh();
                          }),
                      ]),
                  )
                : [h('li', { text: t('emptyHistory') })]),
        );
    }
}
