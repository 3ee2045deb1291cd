// One scene's form: id (renaming updates every reference), titles per language, zone, first view and north
// taken from the panorama on screen, and deleting with what links to it shown first.
import { h } from '../ui/dom.js';
import { get } from './api.js';
import { button, inputField, selectField, t, textFields } from './fields.js';
import { uiLanguage } from './lang.js';
import { anyText } from './texts.js';

const round = (value) => Math.round(value * 10) / 10;

export function sceneForm(ctx, scene, index) {
    const { project } = ctx;
    const languages = ctx.languages();
    const path = ['scenes', index];
    const edit = (ops) => ctx.edit(ops);
    const view = scene.view;
    return h('section', { class: 'st-panel st-scene-form', 'aria-labelledby': 'st-scene-head' }, [
        h('h2', { id: 'st-scene-head', text: anyText(scene.title, uiLanguage()) || scene.id }),
        inputField(t('sceneId'), [...path, 'id'], scene.id, (to) => {
            if (to.trim() && to.trim() !== scene.id) ctx.renameScene(scene.id, to.trim());
        }),
        textFields(t('title'), [...path, 'title'], scene.title, languages, edit),
        textFields(t('description'), [...path, 'description'], scene.description, languages, edit, { multiline: true }),
        selectField(
            t('zone'),
            [...path, 'zone'],
            scene.zone ?? '',
            [
                ['', t('noZone')],
                ...(project.zones || []).map((zone) => [zone.id, anyText(zone.title, uiLanguage()) || zone.id]),
            ],
            (value) =>
                edit([
                    value ? { op: 'set', path: [...path, 'zone'], value } : { op: 'delete', path: [...path, 'zone'] },
                ]),
        ),
        h('p', { class: 'st-label', text: `${t('photo')}: ${typeof scene.photo === 'string' ? scene.photo : ''}` }),
        h('div', { class: 'st-field', 'data-path': JSON.stringify([...path, 'view']) }, [
            h('p', {
                class: 'st-view',
                'data-scene-view': scene.id,
                text: view
                    ? t('view', round(view.yaw ?? 0), round(view.pitch ?? 0), round(view.fov ?? 75))
                    : t('noView'),
            }),
            button(
                t('useView'),
                () => {
                    const now = ctx.currentView();
                    if (now)
                        edit([
                            {
                                op: 'set',
                                path: [...path, 'view'],
                                value: { yaw: round(now.yaw), pitch: round(now.pitch), fov: round(now.fov) },
                            },
                        ]);
                },
                { id: 'st-use-view', disabled: !ctx.hasPanorama(), 'data-needs-panorama': true },
            ),
        ]),
        inputField(
            t('north'),
            [...path, 'north'],
            scene.north ?? '',
            (value) => {
                const number = Number(value);
                edit([
                    value.trim() === ''
                        ? { op: 'delete', path: [...path, 'north'] }
                        : { op: 'set', path: [...path, 'north'], value: Number.isFinite(number) ? number : value },
                ]);
            },
            { type: 'number', step: 1 },
        ),
        button(
            t('useNorth'),
            () => {
                const now = ctx.currentView();
                if (now) edit([{ op: 'set', path: [...path, 'north'], value: round(now.yaw) }]);
            },
            { disabled: !ctx.hasPanorama(), 'data-needs-panorama': true },
        ),
        button(t('deleteScene'), () => deleteScene(ctx, scene), {
            class: 'st-button st-button--danger',
            id: 'st-delete-scene',
        }),
    ]);
}

/** Shows what links to the scene, then deletes it and those links on confirmation. */
async function deleteScene(ctx, scene) {
    let references;
    try {
        const answer = await get(`/api/scenes/${encodeURIComponent(scene.id)}/references`);
        references = Array.isArray(answer) ? answer : answer.references || [];
    } catch (error) {
        ctx.message(error.message);
        return;
    }
    const names = references.map(referenceText);
    const question = names.length ? t('deleteConfirm', scene.id, names.join('; ')) : t('deleteConfirmNone', scene.id);
    if (!window.confirm(question)) return;
    await ctx.run(`/api/scenes/${encodeURIComponent(scene.id)}`, {}, 'DELETE');
    ctx.select(null);
}

/** One thing that names the scene, as staff read it: "lobby: lobby-h1", "hall.start", "floorplan". */
export function referenceText(item) {
    if (item.kind === 'link') return `${item.scene}: ${item.hotspot}`;
    if (item.kind === 'start') return 'hall.start';
    return (item.path || [item.kind]).join('.');
}
