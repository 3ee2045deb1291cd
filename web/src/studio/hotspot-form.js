// The hotspots of a scene: the list, the type picker, a link's target chosen from scene thumbnails with
// "add the way back", texts per language, and photos or a video uploaded into the project.
import { h } from '../ui/dom.js';
import { button, fileButton, inputField, selectField, t, textFields } from './fields.js';
import { uiLanguage } from './lang.js';
import { anyText } from './texts.js';

/** A hotspot id not used in the scene: <scene>-h1, <scene>-h2, … (never a built default id <scene>-<n>). */
export function freeHotspotId(scene) {
    const used = new Set((scene.hotspots || []).map((item) => item.id));
    let number = (scene.hotspots || []).length + 1;
    while (used.has(`${scene.id}-h${number}`)) number++;
    return `${scene.id}-h${number}`;
}

/** A new hotspot of `type` at yaw/pitch with the least a valid one needs. */
export function newHotspot(scene, type, yaw, pitch, project, languages) {
    const base = { id: freeHotspotId(scene), type, yaw, pitch };
    if (type === 'link') {
        const other = (project.scenes || []).find((item) => item.id !== scene.id);
        return { ...base, target: other ? other.id : scene.id };
    }
    if (type === 'showcase') return { ...base, branch: (project.showcases || [])[0]?.id || '' };
    return { ...base, title: { [languages[0]]: '…' } };
}

const TYPES = () => [
    ['link', t('typeLink')],
    ['info', t('typeInfo')],
    ['showcase', t('typeShowcase')],
];

/** The hotspot tools and list for the scene at `index`, and the selected hotspot's form. */
export function hotspotPanel(ctx, scene, index) {
    const hotspots = scene.hotspots || [];
    const selected = ctx.state.hotspot;
    const typePicker = h(
        'select',
        {
            class: 'st-input',
            id: 'st-new-type',
            'aria-label': t('type'),
            'data-key': '"new-type"',
            onchange: () => (ctx.state.newType = typePicker.value),
        },
        TYPES().map(([value, text]) => h('option', { value, text })),
    );
    typePicker.value = ctx.state.newType || 'link';
    return h('section', { class: 'st-panel st-hotspots', 'aria-labelledby': 'st-hotspots-head' }, [
        h('h2', { id: 'st-hotspots-head', text: t('hotspots') }),
        h('div', { class: 'st-row' }, [
            typePicker,
            button(t('placeMode'), () => ctx.startPlacing(), {
                id: 'st-place',
                disabled: !ctx.hasPanorama(),
                'data-needs-panorama': true,
            }),
            button(t('placeCentre'), () => ctx.placeAtCentre(), {
                id: 'st-place-centre',
                disabled: !ctx.hasPanorama(),
                'data-needs-panorama': true,
            }),
        ]),
        h(
            'ul',
            { class: 'st-hotspot-list' },
            hotspots.map((hotspot, at) =>
                h('li', {}, [
                    h(
                        'button',
                        {
                            type: 'button',
                            class: 'st-hotspot-pick',
                            'aria-pressed': at === selected ? 'true' : 'false',
                            'data-hotspot': hotspot.id || `#${at + 1}`,
                            'data-key': JSON.stringify(['pick-hotspot', at]),
                            onclick: () => ctx.selectHotspot(at),
                        },
                        [
                            `${TYPES().find(([value]) => value === hotspot.type)?.[1] || hotspot.type}: ${hotspotName(ctx, hotspot) || hotspot.id || at + 1}`,
                        ],
                    ),
                ]),
            ),
        ),
        hotspots[selected]
            ? hotspotForm(ctx, scene, index, hotspots[selected], selected)
            : h('p', { class: 'st-hint', text: t('selectHotspot') }),
    ]);
}

function hotspotName(ctx, hotspot) {
    const lang = ctx.languages()[0];
    if (hotspot.type === 'link') {
        const target = (ctx.project.scenes || []).find((scene) => scene.id === hotspot.target);
        return anyText(hotspot.label, lang) || (target ? anyText(target.title, lang) : hotspot.target);
    }
    return anyText(hotspot.title, lang) || hotspot.branch || '';
}

function hotspotForm(ctx, scene, sceneIndex, hotspot, at) {
    const languages = ctx.languages();
    const path = ['scenes', sceneIndex, 'hotspots', at];
    const edit = (ops) => ctx.edit(ops);
    const number = (key) => (value) => edit([{ op: 'set', path: [...path, key], value: Number(value) }]);
    const parts = [
        selectField(t('type'), [...path, 'type'], hotspot.type, TYPES(), (type) => {
            const fresh = newHotspot(scene, type, hotspot.yaw, hotspot.pitch, ctx.project, languages);
            edit([{ op: 'set', path, value: { ...fresh, id: hotspot.id || fresh.id } }]);
        }),
        h('div', { class: 'st-row' }, [
            inputField(t('yaw'), [...path, 'yaw'], hotspot.yaw, number('yaw'), {
                type: 'number',
                step: 1,
                min: -180,
                max: 360,
            }),
            inputField(t('pitch'), [...path, 'pitch'], hotspot.pitch, number('pitch'), {
                type: 'number',
                step: 1,
                min: -90,
                max: 90,
            }),
        ]),
    ];
    if (hotspot.type === 'link') parts.push(...linkFields(ctx, scene, hotspot, path));
    if (hotspot.type === 'info') parts.push(...infoFields(ctx, hotspot, path, languages));
    if (hotspot.type === 'showcase') {
        const branches = (ctx.project.showcases || []).map((item) => [
            item.id,
            anyText(item.name, uiLanguage()) || item.id,
        ]);
        parts.push(
            selectField(t('branch'), [...path, 'branch'], hotspot.branch, [['', '—'], ...branches], (value) =>
                edit([{ op: 'set', path: [...path, 'branch'], value }]),
            ),
        );
    }
    parts.push(
        button(t('deleteHotspot'), () => edit([{ op: 'delete', path }]).then(() => ctx.selectHotspot(null)), {
            class: 'st-button st-button--danger',
            id: 'st-delete-hotspot',
        }),
    );
    return h('div', { class: 'st-hotspot-form', 'data-path': JSON.stringify(path) }, parts);
}

function linkFields(ctx, scene, hotspot, path) {
    const lang = uiLanguage();
    const targets = (ctx.project.scenes || []).filter((item) => item.id !== scene.id);
    const grid = h(
        'div',
        {
            class: 'st-targets',
            role: 'group',
            'aria-label': t('target'),
            'data-path': JSON.stringify([...path, 'target']),
        },
        targets.map((item) =>
            h(
                'button',
                {
                    type: 'button',
                    class: 'st-target',
                    'aria-pressed': item.id === hotspot.target ? 'true' : 'false',
                    'data-target': item.id,
                    'data-key': JSON.stringify(['target', item.id]),
                    onclick: () => ctx.edit([{ op: 'set', path: [...path, 'target'], value: item.id }]),
                },
                [
                    item.status?.thumb
                        ? h('img', { src: item.status.thumb, alt: '' })
                        : h('span', { class: 'st-thumb' }),
                    h('span', { text: anyText(item.title, lang) || item.id }),
                ],
            ),
        ),
    );
    return [
        h('p', { class: 'st-label', text: t('target') }),
        grid,
        button(t('wayBack'), () => ctx.wayBack(scene.id, hotspot), { id: 'st-way-back', disabled: !hotspot.target }),
        textFields(t('label'), [...path, 'label'], hotspot.label, ctx.languages(), (ops) => ctx.edit(ops)),
    ];
}

function infoFields(ctx, hotspot, path, languages) {
    const edit = (ops) => ctx.edit(ops);
    const images = hotspot.images || [];
    return [
        textFields(t('title'), [...path, 'title'], hotspot.title, languages, edit),
        textFields(t('text'), [...path, 'text'], hotspot.text, languages, edit, { multiline: true }),
        h('div', { class: 'st-field', 'data-path': JSON.stringify([...path, 'images']) }, [
            h('p', { class: 'st-label', text: t('images') }),
            h(
                'ul',
                { class: 'st-media' },
                images.map((image, at) =>
                    h('li', {}, [
                        h('span', { text: image }),
                        button(
                            '×',
                            () =>
                                edit([
                                    images.length > 1
                                        ? { op: 'delete', path: [...path, 'images', at] }
                                        : { op: 'delete', path: [...path, 'images'] },
                                ]),
                            {
                                class: 'st-button st-button--small',
                                'aria-label': t('remove', image),
                            },
                        ),
                    ]),
                ),
            ),
            fileButton(t('uploadImage'), 'image/*', async (file) => {
                const media = await ctx.uploadMedia(file);
                if (media) edit([{ op: 'set', path: [...path, 'images'], value: [...images, media] }]);
            }),
        ]),
        h('div', { class: 'st-field', 'data-path': JSON.stringify([...path, 'video']) }, [
            h('p', { class: 'st-label', text: `${t('video')}: ${hotspot.video || '—'}` }),
            fileButton(t('uploadVideo'), 'video/*', async (file) => {
                const media = await ctx.uploadMedia(file);
                if (media) edit([{ op: 'set', path: [...path, 'video'], value: media }]);
            }),
        ]),
    ];
}
