// The studio's pure parts: texts per language, scene order by zone, where a refused save's problems go,
// ids for new zones and hotspots, tiling jobs that ended, and the shapes of an upload's refusals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freeHotspotId, newHotspot } from '../src/studio/hotspot-form.js';
import { endedScenes } from '../src/studio/jobs.js';
import { uiLanguageFor } from '../src/studio/lang.js';
import { dropOps, groupScenes, stepOps, zoneStepOps } from '../src/studio/order.js';
import { fromPreview } from '../src/studio/panorama.js';
import { closestField, problemLine } from '../src/studio/problems.js';
import { textIn, textOp } from '../src/studio/texts.js';
import { refusals } from '../src/studio/uploads.js';
import { referenceText } from '../src/studio/scene-form.js';
import { freeZoneId } from '../src/studio/zones-panel.js';

const LANGS = ['zh-CN', 'en'];

test('a text field shows its language; a plain string belongs to the first language', () => {
    assert.equal(textIn({ 'zh-CN': '序厅', en: 'Entrance' }, 'en', LANGS), 'Entrance');
    assert.equal(textIn('序厅', 'zh-CN', LANGS), '序厅');
    assert.equal(textIn('序厅', 'en', LANGS), '');
    assert.equal(textIn(undefined, 'en', LANGS), '');
});

test('writing a language keeps the others, turns a plain string into a map and deletes an emptied text', () => {
    const path = ['scenes', 0, 'title'];
    assert.deepEqual(textOp(path, { 'zh-CN': '序厅' }, 'en', 'Entrance', LANGS), {
        op: 'set',
        path,
        value: { 'zh-CN': '序厅', en: 'Entrance' },
    });
    assert.deepEqual(textOp(path, '序厅', 'en', 'Entrance', LANGS).value, { 'zh-CN': '序厅', en: 'Entrance' });
    assert.deepEqual(textOp(path, { 'zh-CN': '序厅', en: 'x' }, 'en', '  ', LANGS).value, { 'zh-CN': '序厅' });
    assert.deepEqual(textOp(path, { en: 'x' }, 'en', '', LANGS), { op: 'delete', path });
    assert.deepEqual(textOp(path, undefined, 'zh-CN', '新', LANGS).value, { 'zh-CN': '新' });
});

const ZONES = [{ id: 'a' }, { id: 'b' }];
const SCENES = [
    { id: 's0', zone: 'b' },
    { id: 's1', zone: 'a' },
    { id: 's2', zone: 'b' },
    { id: 's3' },
    { id: 's4', zone: 'a' },
];

test('scenes are grouped by zone in the zones order, those without a zone last', () => {
    const groups = groupScenes(SCENES, ZONES).map((group) => [group.zone, group.scenes.map((item) => item.scene.id)]);
    assert.deepEqual(groups, [
        ['a', ['s1', 's4']],
        ['b', ['s0', 's2']],
        [null, ['s3']],
    ]);
});

test('moving a scene up or down steps over the neighbour in its own zone', () => {
    assert.deepEqual(stepOps(SCENES, ZONES, 4, -1), [{ op: 'move', path: ['scenes'], from: 4, to: 1 }]);
    assert.deepEqual(stepOps(SCENES, ZONES, 0, 1), [{ op: 'move', path: ['scenes'], from: 0, to: 2 }]);
    assert.equal(stepOps(SCENES, ZONES, 1, -1), null);
    assert.equal(stepOps(SCENES, ZONES, 3, 1), null);
});

test('dropping a scene into another zone changes its zone and takes the target place, in one save', () => {
    assert.deepEqual(dropOps(SCENES, 0, 4, 'a'), [
        { op: 'set', path: ['scenes', 0, 'zone'], value: 'a' },
        { op: 'move', path: ['scenes'], from: 0, to: 4 },
    ]);
    assert.deepEqual(dropOps(SCENES, 2, 0, 'b'), [{ op: 'move', path: ['scenes'], from: 2, to: 0 }]);
    assert.deepEqual(dropOps(SCENES, 1, null, null), [{ op: 'delete', path: ['scenes', 1, 'zone'] }]);
    assert.deepEqual(dropOps(SCENES, 1, 1, 'a'), []);
});

test('zones move within the list only', () => {
    assert.deepEqual(zoneStepOps(ZONES, 1, -1), [{ op: 'move', path: ['zones'], from: 1, to: 0 }]);
    assert.equal(zoneStepOps(ZONES, 1, 1), null);
});

test('a problem lands on the field with the longest matching path', () => {
    const paths = [
        ['scenes', 1],
        ['scenes', 1, 'title', 'en'],
        ['scenes', 1, 'title', 'zh-CN'],
        ['hall', 'title'],
    ];
    assert.equal(closestField(paths, ['scenes', 1, 'title', 'en']), 1);
    assert.equal(closestField(paths, ['scenes', 1, 'zone']), 0);
    assert.equal(closestField(paths, ['scenes', '1', 'title', 'zh-CN']), 2);
    assert.equal(closestField(paths, ['zones', 0]), -1);
    assert.equal(
        problemLine({ line: 12, key: 'scenes[1].zone', message: "no zone 'x'" }),
        "hall.yaml:12 scenes[1].zone: no zone 'x'",
    );
    assert.equal(problemLine({ message: 'broken' }), 'broken');
});

test('new ids never clash with the ones there, nor with the ids a build gives unnamed hotspots', () => {
    assert.equal(freeZoneId([{ id: 'zone-2' }]), 'zone-3');
    const scene = { id: 'lobby', hotspots: [{ id: 'lobby-h2' }, {}] };
    assert.equal(freeHotspotId(scene), 'lobby-h3');
    assert.equal(freeHotspotId({ id: 'hall' }), 'hall-h1');
});

test('a new hotspot has what its type needs: a link a target, an info a title', () => {
    const project = { scenes: [{ id: 'lobby' }, { id: 'gallery' }], showcases: [] };
    const link = newHotspot(project.scenes[0], 'link', 10, -5, project, LANGS);
    assert.deepEqual(link, { id: 'lobby-h1', type: 'link', yaw: 10, pitch: -5, target: 'gallery' });
    const info = newHotspot(project.scenes[0], 'info', 0, 0, project, LANGS);
    assert.deepEqual(info.title, { 'zh-CN': '…' });
});

test('a scene shown as tiling is read again once its job ended', () => {
    const scenes = [
        { id: 'a', status: { tiles: 'tiling' } },
        { id: 'b', status: { tiles: 'tiling' } },
        { id: 'c', status: { tiles: 'ready' } },
    ];
    const jobs = [
        { scene: 'a', state: 'done' },
        { scene: 'b', state: 'tiling' },
        { scene: 'c', state: 'done' },
    ];
    assert.deepEqual(endedScenes(scenes, jobs), ['a']);
});

test('the UI is Chinese for a Chinese browser, English otherwise, unless chosen', () => {
    assert.equal(uiLanguageFor(['zh-TW', 'en']), 'zh-CN');
    assert.equal(uiLanguageFor(['en-GB', 'zh-CN']), 'en');
    assert.equal(uiLanguageFor(['fr'], 'zh-CN'), 'zh-CN');
    assert.equal(uiLanguageFor([], 'xx'), 'en');
});

test('a refused photo gives its check messages, named', () => {
    const answer = { version: 'v', added: [{ scene: 'ok' }], refused: [{ name: 'bad.jpg', message: 'not 2:1' }] };
    assert.deepEqual(refusals(answer), ['bad.jpg: not 2:1']);
    assert.deepEqual(refusals({ version: 'v', added: [], refused: [] }), []);
});

test('what links to a scene reads plainly before it is deleted', () => {
    assert.equal(referenceText({ kind: 'link', scene: 'lobby', hotspot: 'lobby-h1' }), 'lobby: lobby-h1');
    assert.equal(referenceText({ kind: 'start', path: ['hall', 'start'] }), 'hall.start');
    assert.equal(referenceText({ kind: 'floorplan', path: ['floorplan', 'points', 'x'] }), 'floorplan.points.x');
});

test("the editor reads a scene's tiles from the preview", () => {
    const scene = { id: 'a', panorama: { tiles: 'scenes/a/h/{level}', base: 'scenes/a/h/base.jpg', levels: [] } };
    const shown = fromPreview(scene);
    assert.equal(shown.panorama.tiles, '/preview/scenes/a/h/{level}');
    assert.equal(shown.panorama.base, '/preview/scenes/a/h/base.jpg');
    assert.equal(scene.panorama.base, 'scenes/a/h/base.jpg');
});
