// Scene hotspots as PSV HTML markers: real <button>s, so each is reachable by keyboard and has a label.
import { pick, t } from './i18n.js';
import { h, icon } from './ui/dom.js';

/** The visible label of a hotspot: its label, its title, or the target scene's title. */
export function hotspotLabel(hotspot, ctx) {
    const own = pick(hotspot.label, ctx.lang, ctx.languages) || pick(hotspot.title, ctx.lang, ctx.languages);
    if (own) return own;
    if (hotspot.type === 'link') {
        const target = ctx.scenes.get(hotspot.target);
        return target ? pick(target.title, ctx.lang, ctx.languages) : hotspot.target;
    }
    if (hotspot.type === 'showcase') {
        const showcase = ctx.tour.showcases.find((item) => item.id === hotspot.branch);
        return showcase ? pick(showcase.name, ctx.lang, ctx.languages) : hotspot.branch;
    }
    return hotspot.id;
}

/** The accessible name: what activating the hotspot does. */
export function hotspotAction(hotspot, ctx) {
    const label = hotspotLabel(hotspot, ctx);
    return hotspot.type === 'link' ? t(ctx.lang, 'goTo', label) : label;
}

const ICON = { link: 'arrow', info: 'info', showcase: 'star' };

/** One marker config for PSV's MarkersPlugin. `activate(hotspot)` runs on click, Enter or Space. */
export function markerFor(hotspot, ctx, activate) {
    const button = h(
        'button',
        {
            type: 'button',
            class: `hb-hotspot hb-hotspot--${hotspot.type}`,
            'aria-label': hotspotAction(hotspot, ctx),
            'data-hotspot': hotspot.id,
            onclick: (event) => {
                event.stopPropagation();
                activate(hotspot);
            },
        },
        [
            h('span', { class: 'hb-hotspot-icon' }, [icon(ICON[hotspot.type])]),
            h('span', { class: 'hb-hotspot-label', text: hotspotLabel(hotspot, ctx) }),
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
