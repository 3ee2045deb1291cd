// The scene list as visitors will see it (grouped by zone), ordered by dragging or by the arrow buttons, with
// each scene's tiling state; choosing a scene opens its form and its panorama.
import { h } from '../ui/dom.js';
import { t, uiLanguage } from './lang.js';
import { dropOps, groupScenes, stepOps } from './order.js';
import { anyText } from './texts.js';

export function sceneList(ctx) {
    const { project } = ctx;
    const scenes = project.scenes || [];
    const zones = project.zones || [];
    const lang = uiLanguage();
    const groups = groupScenes(scenes, zones).filter((group) => group.zone !== null || group.scenes.length);
    return h('div', { class: 'st-scene-list' }, [
        h('p', { class: 'st-hint', text: t('dragHint') }),
        ...groups.map((group) => {
            const zone = zones.find((item) => item.id === group.zone);
            const name = zone ? anyText(zone.title, lang) || zone.id : t('noZone');
            const list = h(
                'ol',
                { class: 'st-scenes', 'data-zone': group.zone ?? '', 'aria-label': name },
                group.scenes.map((entry) => sceneRow(ctx, entry, group.zone)),
            );
            list.addEventListener('dragover', (event) => event.preventDefault());
            list.addEventListener('drop', (event) => {
                event.preventDefault();
                if (event.target.closest('.st-scene-row')) return; // a row handles its own drop
                const from = Number(event.dataTransfer.getData('text/x-scene-index'));
                const ops = dropOps(scenes, from, null, group.zone);
                if (ops.length) ctx.edit(ops);
            });
            return h('section', { class: 'st-zone-group' }, [h('h3', { text: name }), list]);
        }),
    ]);
}

function sceneRow(ctx, { scene, index }, zone) {
    const { project } = ctx;
    const lang = uiLanguage();
    const status = scene.status || {};
    const selected = ctx.state.scene === scene.id;
    const step = (delta) => {
        const ops = stepOps(project.scenes, project.zones || [], index, delta);
        if (ops) ctx.edit(ops).then(() => ctx.focus(`[data-scene-move="${scene.id}:${delta}"]`));
    };
    const row = h(
        'li',
        {
            class: `st-scene-row${selected ? ' st-scene-row--selected' : ''}`,
            draggable: 'true',
            'data-scene': scene.id,
            'data-path': JSON.stringify(['scenes', index]),
        },
        [
            status.thumb
                ? h('img', { class: 'st-thumb', src: status.thumb, alt: '' })
                : h('span', { class: 'st-thumb' }),
            h(
                'button',
                {
                    type: 'button',
                    class: 'st-scene-pick',
                    'aria-pressed': selected ? 'true' : 'false',
                    'data-key': JSON.stringify(['pick', scene.id]),
                    onclick: () => ctx.select(scene.id),
                },
                [h('strong', { text: anyText(scene.title, lang) || scene.id }), h('small', { text: ` ${scene.id}` })],
            ),
            tileState(scene.id, status),
            h('span', { class: 'st-move' }, [
                h(
                    'button',
                    {
                        type: 'button',
                        class: 'st-button st-button--small',
                        'aria-label': `${t('moveUp')}: ${scene.id}`,
                        'data-scene-move': `${scene.id}:-1`,
                        onclick: () => step(-1),
                    },
                    ['↑'],
                ),
                h(
                    'button',
                    {
                        type: 'button',
                        class: 'st-button st-button--small',
                        'aria-label': `${t('moveDown')}: ${scene.id}`,
                        'data-scene-move': `${scene.id}:1`,
                        onclick: () => step(1),
                    },
                    ['↓'],
                ),
            ]),
        ],
    );
    row.addEventListener('dragstart', (event) => {
        event.dataTransfer.setData('text/x-scene-index', String(index));
        event.dataTransfer.effectAllowed = 'move';
    });
    row.addEventListener('dragover', (event) => event.preventDefault());
    row.addEventListener('drop', (event) => {
        event.preventDefault();
        const from = Number(event.dataTransfer.getData('text/x-scene-index'));
        const ops = dropOps(project.scenes, from, index, zone);
        if (ops.length) ctx.edit(ops);
    });
    return row;
}

/** The tiling state of a scene: a progress bar while tiling, else a word. */
export function tileState(id, status) {
    const state = status.tiles || 'missing';
    if (state === 'tiling') {
        const part = Number(status.progress) || 0;
        return h('span', { class: 'st-tiles st-tiles--tiling' }, [
            h('progress', {
                max: 1,
                value: part,
                'data-scene-progress': id,
                'aria-label': t('tiling', Math.round(part * 100)),
            }),
        ]);
    }
    const word = { ready: t('ready'), failed: t('failed'), missing: t('missing') }[state] || state;
    return h('span', { class: `st-tiles st-tiles--${state}`, title: status.message || '', text: word });
}
