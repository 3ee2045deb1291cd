// Scene hotspots as PSV HTML markers: real <button>s, so each is reachable by keyboard and has a label.
import { pick, t } from './i18n.js';
import { h, icon } from './ui/dom.js';

/** The visible label of a hotspot of `tour` in `lang`: its label, its title, or what it leads to. */
export function hotspotLabel(hotspot, { tour, lang }) {
    const languages = tour.hall.languages;
    const own = pick(hotspot.label, lang, languages) || pick(hotspot.title, lang, languages);
    if (own) return own;
    if (hotspot.type === 'link') {
        const target = tour.scenes.find((scene) => scene.id === hotspot.target);
        return target ? pick(target.title, lang, languages) : hotspot.target;
    }
    if (hotspot.type === 'showcase') {
        const showcase = (tour.showcases || []).find((item) => item.id === hotspot.branch);
        return showcase ? pick(showcase.name, lang, languages) : hotspot.branch;
    }
    return hotspot.id;
}

/** The accessible name: what activating the hotspot does. */
export function hotspotAction(hotspot, { tour, lang }) {
    const label = hotspotLabel(hotspot, { tour, lang });
    return hotspot.type === 'link' ? t(lang, 'goTo', label) : label;
}

const ICON = { link: 'arrow', info: 'info', showcase: 'star' };

/** One marker config for PSV's MarkersPlugin, in `lang`. `activate(hotspot)` runs on click, Enter or Space. */
export function markerFor(hotspot, { tour, lang }, activate) {
    const texts = { tour, lang };
    const button = h(
        'button',
        {
            type: 'button',
            class: `hb-hotspot hb-hotspot--${hotspot.type}`,
            'aria-label': hotspotAction(hotspot, texts),
            'data-hotspot': hotspot.id,
            onclick: (event) => {
                event.stopPropagation();
                activate(hotspot);
            },
        },
        [
            h('span', { class: 'hb-hotspot-icon' }, [icon(ICON[hotspot.type])]),
            h('span', { class: 'hb-hotspot-label', text: hotspotLabel(hotspot, texts) }),
        ],
    );
    // PSV starts a drag on pointerdown; a tap on a hotspot must stay a tap.
    button.addEventListener('pointerdown', (event) => event.stopPropagation());
    button.addEventListener('mousedown', (event) => event.stopPropagation());
    button.addEventListener('touchstart', (event) => event.stopPropagation(), { passive: true });
    // PSV styles the marker element itself; the button sits inside, its icon centred on the point.
    return {
        id: `hotspot-${hotspot.id}`,
        element: h('div', { class: 'hb-marker' }, [button]),
        position: { yaw: `${hotspot.yaw}deg`, pitch: `${hotspot.pitch}deg` },
        anchor: 'center center',
        data: { hotspot },
    };
}
