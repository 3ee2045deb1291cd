// Zones: add, rename (titles per language), reorder; scenes show grouped by them in the scene list.
import { h } from '../ui/dom.js';
import { button, t, textFields } from './fields.js';
import { zoneStepOps } from './order.js';

/** A zone id not used yet: zone-1, zone-2, … */
export function freeZoneId(zones) {
    const used = new Set(zones.map((zone) => zone.id));
    let number = zones.length + 1;
    while (used.has(`zone-${number}`)) number++;
    return `zone-${number}`;
}

export function zonesPanel(ctx) {
    const zones = ctx.project.zones || [];
    const languages = ctx.languages();
    const edit = (ops) => ctx.edit(ops);
    const add = () => {
        const id = freeZoneId(zones);
        const value = { id, title: { [languages[0]]: id } };
        const ops = ctx.project.zones
            ? [{ op: 'insert', path: ['zones'], index: zones.length, value }]
            : [{ op: 'set', path: ['zones'], value: [value] }];
        edit(ops).then(() =>
            ctx.focus(`[data-key='${JSON.stringify(['zones', zones.length, 'title', languages[0]])}']`),
        );
    };
    return h('section', { class: 'st-panel', 'aria-labelledby': 'st-zones-head' }, [
        h('h2', { id: 'st-zones-head', text: t('zones') }),
        h(
            'ol',
            { class: 'st-zones' },
            zones.map((zone, index) =>
                h('li', { class: 'st-zone', 'data-zone': zone.id, 'data-path': JSON.stringify(['zones', index]) }, [
                    h('p', { class: 'st-label', text: `${t('zoneId')}: ${zone.id}` }),
                    textFields(t('title'), ['zones', index, 'title'], zone.title, languages, edit),
                    h('div', { class: 'st-row' }, [
                        button('↑', () => zoneStep(ctx, zones, index, -1), {
                            'aria-label': `${t('moveUp')}: ${zone.id}`,
                            class: 'st-button st-button--small',
                            'data-zone-move': `${zone.id}:-1`,
                        }),
                        button('↓', () => zoneStep(ctx, zones, index, 1), {
                            'aria-label': `${t('moveDown')}: ${zone.id}`,
                            class: 'st-button st-button--small',
                            'data-zone-move': `${zone.id}:1`,
                        }),
                    ]),
                ]),
            ),
        ),
        button(t('addZone'), add, { id: 'st-add-zone' }),
    ]);
}

function zoneStep(ctx, zones, index, delta) {
    const ops = zoneStepOps(zones, index, delta);
    if (ops) ctx.edit(ops).then(() => ctx.focus(`[data-zone-move="${zones[index].id}:${delta}"]`));
}
