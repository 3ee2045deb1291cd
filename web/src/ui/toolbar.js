// The toolbar (scenes, guided tour, hotspots, share, language, more) and the More menu. Every control is a
// 44 px target; the language menu is a native <select> laid over its icon so it costs no more width. The
// toolbar knows no feature: each button and menu entry is given to it, as PSV's navbar is given buttons.
import { languageName, t } from '../i18n.js';
import { EnteredEvent, LanguageChangedEvent } from '../tour-state.js';
import { h, icon } from './dom.js';

/**
 * A button: `{name, icon?, label(lang), pressed?(), action(lang)}`. A menu entry has the same fields, plus
 * `order` (its place in the menu) and `closes` (false when its action opens a panel of its own).
 */
function toolButton(button, lang) {
    const label = button.label(lang);
    const pressed = button.pressed?.();
    return h(
        'button',
        {
            type: 'button',
            class: `hb-tool hb-tool--${button.name}`,
            'aria-label': label,
            title: label,
            'aria-pressed': pressed === undefined ? null : String(pressed),
            onclick: () => button.action(lang),
        },
        [icon(button.icon || button.name)],
    );
}

export class Toolbar {
    /** `buttons` stand before the language menu, in order; menu entries come with addMenuItems. */
    constructor(root, { state, panel, buttons }) {
        this.state = state;
        this.panel = panel;
        this.buttons = buttons;
        this.menu = [];
        this.nav = h('nav', { class: 'hb-toolbar' });
        root.append(this.nav);
        state.addEventListener(LanguageChangedEvent.type, () => this.render());
        state.addEventListener(EnteredEvent.type, () => this.focusFirst());
        this.render();
    }

    /** Adds entries to the More menu (a feature's, once it is ready). */
    addMenuItems(items) {
        this.menu.push(...items);
        this.menu.sort((a, b) => a.order - b.order);
        this.render();
    }

    focusFirst() {
        this.nav.querySelector('button')?.focus({ preventScroll: true });
    }

    render() {
        const { lang } = this.state;
        const select = h(
            'select',
            { class: 'hb-lang', 'aria-label': t(lang, 'language'), title: t(lang, 'language') },
            this.state.languages.map((code) =>
                h('option', { value: code, selected: code === lang, text: languageName(code) }),
            ),
        );
        select.addEventListener('change', () => this.state.setLanguage(select.value));
        this.nav.setAttribute('aria-label', t(lang, 'more'));
        this.nav.replaceChildren(
            ...this.buttons.map((button) => toolButton(button, lang)),
            h('label', { class: 'hb-lang-label' }, [
                icon('lang'),
                h('span', { class: 'hb-lang-code', 'aria-hidden': 'true', text: shortName(lang) }),
                select,
            ]),
            toolButton({ name: 'more', label: (code) => t(code, 'more'), action: () => this.openMore() }, lang),
        );
    }

    openMore() {
        const { lang } = this.state;
        const entry = (item) => {
            const pressed = item.pressed?.();
            const action = () => {
                if (item.closes !== false) this.panel.close();
                item.action(lang);
            };
            return h('li', {}, [
                h(
                    'button',
                    {
                        type: 'button',
                        class: `hb-menu-item hb-menu-item--${item.name}`,
                        'aria-pressed': pressed === undefined ? null : String(pressed),
                        onclick: action,
                    },
                    [icon(item.icon || item.name), h('span', { text: item.label(lang) })],
                ),
            ]);
        };
        this.panel.open('more', t(lang, 'more'), h('ul', { class: 'hb-menu' }, this.menu.map(entry)));
    }
}

/** Two or three letters naming a language beside the globe on wide screens ("中", "繁", "EN"). */
export function shortName(code) {
    if (/^(yue|zh-(hk|tw|mo|hant))/i.test(code)) return '繁';
    if (/^(zh|cmn)/i.test(code)) return '简';
    return String(code).split('-')[0].toUpperCase().slice(0, 3);
}
