// The toolbar (scenes, guided tour, hotspots, share, language, more) and the More menu. Every control is a
// 44 px target; the language menu is a native <select> laid over its icon so it costs no more width.
import { languageName, t } from '../i18n.js';
import { openShowcaseHall, showcaseHallLabel } from '../showcase/index.js';
import { LanguageChangedEvent } from '../tour-state.js';
import { h, icon } from './dom.js';
import { canFullscreen, isFullscreen, toggleFullscreen } from './fullscreen.js';
import { openHotspotList, openSceneList } from './scenes.js';

function toolButton(name, label, onclick, extra = {}) {
    return h(
        'button',
        { type: 'button', class: `hb-tool hb-tool--${name}`, 'aria-label': label, title: label, onclick, ...extra },
        [icon(extra.icon || name)],
    );
}

export class Toolbar {
    constructor(root, ctx) {
        this.ctx = ctx;
        this.nav = h('nav', { class: 'hb-toolbar' });
        root.append(this.nav);
        ctx.state.addEventListener(LanguageChangedEvent.type, () => this.render());
        ctx.guide.addEventListener('guide-changed', () => this.render());
        document.addEventListener('fullscreenchange', () => this.render());
        document.addEventListener('webkitfullscreenchange', () => this.render());
    }

    focusFirst() {
        this.nav.querySelector('button')?.focus({ preventScroll: true });
    }

    render() {
        const { ctx } = this;
        const { lang } = ctx;
        const select = h(
            'select',
            { class: 'hb-lang', 'aria-label': t(lang, 'language'), title: t(lang, 'language') },
            ctx.languages.map((code) =>
                h('option', { value: code, selected: code === lang, text: languageName(code) }),
            ),
        );
        select.addEventListener('change', () => ctx.setLanguage(select.value));
        const guideLabel = ctx.guide.active ? t(lang, 'guideStop') : t(lang, 'guide');
        this.nav.setAttribute('aria-label', t(lang, 'more'));
        this.nav.replaceChildren(
            toolButton('scenes', t(lang, 'scenes'), () => openSceneList(ctx)),
            toolButton('guide', guideLabel, () => (ctx.guide.active ? ctx.guide.stop() : ctx.guide.start()), {
                'aria-pressed': String(ctx.guide.active),
            }),
            toolButton('list', t(lang, 'hotspots'), () => openHotspotList(ctx)),
            toolButton('share', t(lang, 'share'), () => this.openShare()),
            h('label', { class: 'hb-lang-label' }, [
                icon('lang'),
                h('span', { class: 'hb-lang-code', 'aria-hidden': 'true', text: shortName(lang) }),
                select,
            ]),
            toolButton('more', t(lang, 'more'), () => this.openMore()),
        );
    }

    /** The share panel; its code loads after the first view, so offline it still opens (or says why not). */
    openShare() {
        const { ctx } = this;
        import('./share.js').then(
            (share) => share.openShare(ctx),
            () => {
                const link = h('input', {
                    type: 'url',
                    readonly: true,
                    value: ctx.currentLink(),
                    class: 'hb-share-link',
                    'aria-label': t(ctx.lang, 'share'),
                });
                ctx.panel.open('share', t(ctx.lang, 'share'), [
                    link,
                    h('p', { class: 'hb-status', role: 'status', text: t(ctx.lang, 'shareOffline') }),
                ]);
            },
        );
    }

    openMore() {
        const { ctx } = this;
        const { lang } = ctx;
        const item = (name, iconName, label, onclick, pressed = null) =>
            h('li', {}, [
                h(
                    'button',
                    {
                        type: 'button',
                        class: `hb-menu-item hb-menu-item--${name}`,
                        'aria-pressed': pressed === null ? null : String(pressed),
                        onclick,
                    },
                    [icon(iconName), h('span', { text: label })],
                ),
            ]);
        const close = (callback) => () => {
            ctx.panel.close();
            callback();
        };
        const plugins = ctx.plugins || {};
        const fullscreen = canFullscreen()
            ? item(
                  'fullscreen',
                  'fullscreen',
                  t(lang, isFullscreen() ? 'fullscreenExit' : 'fullscreen'),
                  close(toggleFullscreen),
                  isFullscreen(),
              )
            : item('fullscreen', 'fullscreen', t(lang, 'fullscreen'), () =>
                  ctx.panel.open(
                      'fullscreen',
                      t(lang, 'fullscreen'),
                      h('p', { class: 'hb-howto', text: t(lang, 'fullscreenHowTo') }),
                  ),
              );
        const items = [
            plugins.gyroscope
                ? item(
                      'gyroscope',
                      'gyro',
                      t(lang, 'gyroscope'),
                      close(() => plugins.toggleGyroscope()),
                      plugins.gyroscopeOn(),
                  )
                : null,
            plugins.stereo
                ? item(
                      'stereo',
                      'vr',
                      t(lang, 'stereo'),
                      close(() => plugins.toggleStereo()),
                  )
                : null,
            fullscreen,
            plugins.map
                ? item(
                      'map',
                      'map',
                      t(lang, 'map'),
                      close(() => plugins.toggleMap()),
                      plugins.mapVisible(),
                  )
                : null,
            item('announcements', 'bell', t(lang, 'announcements'), () => ctx.announcements.open()),
            ctx.tour.showcases?.length
                ? item('showcases', 'star', showcaseHallLabel(lang), () => openShowcaseHall(ctx))
                : null,
            ctx.service ? item('comment', 'comment', t(lang, 'comments'), () => ctx.service.openComments()) : null,
            ctx.service ? item('message', 'edit', t(lang, 'message'), () => ctx.service.openMessage()) : null,
            ctx.edit
                ? item(
                      'edit',
                      'edit',
                      t(lang, 'edit'),
                      close(() => ctx.edit.toggle()),
                      ctx.edit.active,
                  )
                : null,
        ];
        ctx.panel.open('more', t(lang, 'more'), h('ul', { class: 'hb-menu' }, items));
    }
}

/** Two or three letters naming a language beside the globe on wide screens ("中", "繁", "EN"). */
export function shortName(code) {
    if (/^(yue|zh-(hk|tw|mo|hant))/i.test(code)) return '繁';
    if (/^(zh|cmn)/i.test(code)) return '简';
    return String(code).split('-')[0].toUpperCase().slice(0, 3);
}
