// The tour state: where the visitor is, and the typed events it announces.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sceneIndex } from '../src/tour.js';
import {
    definedView,
    LanguageChangedEvent,
    LookRequestedEvent,
    SceneChangedEvent,
    sameView,
    TourState,
    ViewChangedEvent,
} from '../src/tour-state.js';

const TOUR = {
    scenes: [
        { id: 'lobby', view: { yaw: 0, pitch: 0, fov: 75 }, title: { 'zh-CN': '大厅', en: 'Lobby' } },
        { id: 'yard', view: { yaw: 90, pitch: -5, fov: 60 }, title: { en: 'Yard' } },
    ],
};

function stateAt(scene, view = {}) {
    return new TourState({ scenes: sceneIndex(TOUR), languages: ['zh-CN', 'en'], scene, view, lang: 'zh-CN' });
}

function record(state) {
    const seen = [];
    for (const type of [SceneChangedEvent, LookRequestedEvent, LanguageChangedEvent, ViewChangedEvent])
        state.addEventListener(type.type, (event) => seen.push(event));
    return seen;
}

test('the start view is the scene view with the linked angles over it', () => {
    assert.deepEqual(stateAt('lobby', { yaw: 30, pitch: null, fov: Number.NaN }).view, { yaw: 30, pitch: 0, fov: 75 });
});

test('going to another scene announces it once, with where it opens and who asked', () => {
    const state = stateAt('lobby');
    const seen = record(state);
    assert.equal(state.goTo('attic'), false);
    assert.equal(state.goTo('yard', { view: { yaw: 10 }, push: true, by: 'guide' }), true);
    assert.equal(seen.length, 1);
    const [event] = seen;
    assert.equal(event.type, 'scene-changed');
    assert.deepEqual([event.scene.id, event.previous.id, event.push, event.by], ['yard', 'lobby', true, 'guide']);
    assert.deepEqual(event.view, { yaw: 10, pitch: -5, fov: 60 });
    assert.deepEqual(state.view, event.view);
    assert.equal(state.scene.id, 'yard');
});

test('going to the scene shown asks to look instead, without a scene change', () => {
    const state = stateAt('lobby');
    const seen = record(state);
    assert.equal(state.goTo('lobby', { view: { fov: 40 } }), false);
    assert.deepEqual(
        seen.map((event) => [event.type, event.view]),
        [['look-requested', { yaw: 0, pitch: 0, fov: 40 }]],
    );
});

test('language and view changes are announced; the same language is not', () => {
    const state = stateAt('lobby');
    const seen = record(state);
    state.setLanguage('zh-CN');
    state.setLanguage('en');
    state.setView({ yaw: 1, pitch: 2, fov: 3 });
    assert.deepEqual(
        seen.map((event) => event.type),
        ['language-changed', 'view-changed'],
    );
    assert.equal(seen[0].previous, 'zh-CN');
    assert.deepEqual(state.view, { yaw: 1, pitch: 2, fov: 3 });
});

test('texts follow the language, falling back along the hall order', () => {
    const state = stateAt('yard');
    assert.equal(state.text(state.scene.title), 'Yard');
    assert.equal(state.text(TOUR.scenes[0].title), '大厅');
    state.setLanguage('en');
    assert.equal(state.text(TOUR.scenes[0].title), 'Lobby');
});

test('views compare within a tolerance, missing angles match', () => {
    assert.deepEqual(definedView({ yaw: 0, pitch: undefined, fov: '60' }), { yaw: 0 });
    assert.ok(sameView({ yaw: 10.1 }, { yaw: 10, pitch: 5, fov: 60 }));
    assert.ok(!sameView({ yaw: 10.5 }, { yaw: 10, pitch: 5, fov: 60 }));
});
