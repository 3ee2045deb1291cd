// Deep links, the tour model, the hall.yaml snippet and the showcase ranking.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatHash, parseHash } from '../src/deeplink.js';
import { rankedFor } from './helpers.js';
import { scenesByZone, wrapDegrees } from '../src/tour.js';
import { yamlSnippet } from '../src/ui/edit.js';

const TOUR = {
    zones: [{ id: 'main' }],
    scenes: [
        { id: 'lobby', zone: 'main' },
        { id: 'yard', zone: null },
        { id: 'gallery', zone: 'main' },
    ],
};

test('a deep link survives a round trip, bad numbers become null', () => {
    const view = { scene: 'lobby', yaw: -45.04, pitch: 12.5, fov: 60, edit: false };
    assert.deepEqual(parseHash(formatHash(view)), { ...view, yaw: -45 });
    assert.deepEqual(parseHash('#scene=a&yaw=x&pitch=&edit=1'), {
        scene: 'a',
        yaw: null,
        pitch: null,
        fov: null,
        edit: true,
    });
    assert.equal(formatHash({ scene: 'a b' }), '#scene=a%20b');
});

test('scenes group by zone, the ungrouped last; angles wrap', () => {
    const groups = scenesByZone(TOUR).map(({ zone, scenes }) => [zone?.id ?? null, scenes.map((scene) => scene.id)]);
    assert.deepEqual(groups, [
        ['main', ['lobby', 'gallery']],
        [null, ['yard']],
    ]);
    assert.equal(wrapDegrees(190), -170);
    assert.equal(wrapDegrees(-180), -180);
});

test('the hall.yaml snippet of a placed hotspot', () => {
    assert.equal(
        yamlSnippet({ type: 'link', target: 'yard', yaw: 10.04, pitch: -5 }),
        '      - type: link\n        target: yard\n        yaw: 10\n        pitch: -5',
    );
});

test('showcases rank by likes with ties in tour order', () => {
    assert.deepEqual(rankedFor({ a: { likes: 1 }, b: { likes: 3 }, c: { likes: 1 } }, 'likes'), ['b', 'a', 'c']);
    assert.deepEqual(rankedFor(null, 'likes'), ['a', 'b', 'c']);
});
