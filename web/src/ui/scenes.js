// The scene list ("one-click navigation"): thumbnails grouped by zone, and the current scene's hotspots.
import { hotspotAction, hotspotLabel } from '../hotspots.js';
import { pick, t } from '../i18n.js';
import { scenesByZone } from '../tour.js';
import { h, icon } from './dom.js';

/** Opens the scene list of `tour` in `panel`; choosing a scene moves there. */
export function openSceneList({ tour, state, panel }) {
    const { lang, languages } = state;
    const groups = scenesByZone(tour).map(({ zone, scenes }) => {
        const heading = zone ? pick(zone.title, lang, languages) : t(lang, 'ungrouped');
        const items = scenes.map((scene) =>
            h('li', {}, [
                h(
                    'button',
                    {
                        type: 'button',
                        class: 'hb-scene-item',
                        'data-scene': scene.id,
                        'aria-current': scene.id === state.sceneId ? 'true' : null,
                        onclick: () => {
                            panel.close();
                            state.goTo(scene.id, { push: true });
                        },
                    },
                    [
                        h('img', { src: scene.panorama.thumb, alt: '', loading: 'lazy', width: 96, height: 64 }),
                        h('span', { class: 'hb-scene-text' }, [
                            h('span', { class: 'hb-scene-name', text: pick(scene.title, lang, languages) }),
                            scene.description
                                ? h('span', {
                                      class: 'hb-scene-description',
                                      text: pick(scene.description, lang, languages),
                                  })
                                : null,
                        ]),
                    ],
                ),
            ]),
        );
        const about = zone?.description
            ? h('p', { class: 'hb-zone-description', text: pick(zone.description, lang, languages) })
            : null;
        return h('section', { class: 'hb-zone' }, [
            h('h3', { text: heading }),
            about,
            h('ul', { class: 'hb-scene-list' }, items),
        ]);
    });
    panel.open('scenes', t(lang, 'scenes'), groups);
}

const ICON = { link: 'arrow', info: 'info', showcase: 'star' };

/** Opens the text list of the current scene's hotspots (`activate` does what their markers do). */
export function openHotspotList({ tour, state, panel, activate }) {
    const { lang, scene } = state;
    const texts = { tour, lang };
    const items = scene.hotspots.map((hotspot) =>
        h('li', {}, [
            h(
                'button',
                {
                    type: 'button',
                    class: 'hb-hotspot-item',
                    'data-hotspot': hotspot.id,
                    'aria-label': hotspotAction(hotspot, texts),
                    onclick: () => {
                        panel.close();
                        activate(hotspot);
                    },
                },
                [icon(ICON[hotspot.type]), h('span', { text: hotspotLabel(hotspot, texts) })],
            ),
        ]),
    );
    const content = items.length
        ? h('ul', { class: 'hb-hotspot-list' }, items)
        : h('p', { text: t(lang, 'noHotspots') });
    panel.open('hotspots', t(lang, 'hotspots'), content);
}
