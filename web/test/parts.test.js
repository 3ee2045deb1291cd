// Small pure parts of the viewer: angles, hotspot labels, which scenes to prefetch, showcase counts, and the
// More menu's language code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toDegrees, toRadians } from '../src/angles.js';
import { hotspotAction, hotspotLabel } from '../src/hotspots.js';
import { staticPage, whenStyled } from '../src/page.js';
import { mergeOwn } from '../src/showcase/service.js';
import { likelyNext } from '../src/stage/network.js';
import { shortName } from '../src/ui/toolbar.js';

const TOUR = {
    hall: { languages: ['zh-CN', 'en'] },
    scenes: [
        { id: 'lobby', title: { 'zh-CN': '大厅', en: 'Lobby' }, hotspots: [] },
        { id: 'yard', title: { en: 'Yard' }, hotspots: [] },
        { id: 'attic', title: { en: 'Attic' }, hotspots: [] },
    ],
    showcases: [{ id: 'north', name: { 'zh-CN': '北区' } }],
};

test('degrees and radians convert both ways', () => {
    assert.equal(toRadians(180), Math.PI);
    assert.equal(toDegrees(Math.PI / 2), 90);
    assert.ok(Math.abs(toDegrees(toRadians(-37.5)) + 37.5) < 1e-12);
});

test('a hotspot is labelled by its own text, else by where it leads', () => {
    const link = { id: 'h1', type: 'link', target: 'lobby' };
    assert.equal(hotspotLabel(link, { tour: TOUR, lang: 'en' }), 'Lobby');
    assert.equal(hotspotAction(link, { tour: TOUR, lang: 'en' }), 'Go to: Lobby');
    assert.equal(hotspotLabel({ id: 'h2', type: 'link', target: 'gone' }, { tour: TOUR, lang: 'en' }), 'gone');
    assert.equal(hotspotLabel({ id: 'h3', type: 'showcase', branch: 'north' }, { tour: TOUR, lang: 'en' }), '北区');
    const info = { id: 'h4', type: 'info', title: { en: 'About' }, label: { 'zh-CN': '关于' } };
    assert.equal(hotspotLabel(info, { tour: TOUR, lang: 'zh-CN' }), '关于');
    assert.equal(hotspotAction(info, { tour: TOUR, lang: 'zh-CN' }), '关于');
});

test('the scenes to prefetch: link targets first, then the next scene, each once', () => {
    const lobby = {
        id: 'lobby',
        hotspots: [{ type: 'link', target: 'attic' }, { type: 'info' }, { type: 'link', target: 'attic' }],
    };
    const order = [lobby, { id: 'yard' }, { id: 'attic' }];
    assert.deepEqual(likelyNext(lobby, order), ['attic', 'yard']);
    assert.deepEqual(likelyNext(lobby, order, 1), ['attic']);
    const last = { id: 'attic', hotspots: [] };
    assert.deepEqual(likelyNext(last, [lobby, last]), []);
});

test("the visitor's own likes and views raise the service's cached counts", () => {
    const stats = { a: { likes: 2, views: 9 } };
    assert.deepEqual(mergeOwn(stats, new Map([['a', 3]]), 'likes'), { a: { likes: 3, views: 9 } });
    assert.deepEqual(mergeOwn(stats, new Map([['b', 1]]), 'views'), {
        a: { likes: 2, views: 9 },
        b: { likes: 0, views: 1 },
    });
    assert.deepEqual(stats, { a: { likes: 2, views: 9 } });
});

test('languages are named by two or three letters beside the globe', () => {
    assert.deepEqual(['yue', 'zh-TW', 'zh-CN', 'en', 'fr-CA'].map(shortName), ['繁', '繁', '简', 'EN', 'FR']);
});

test("the static page's elements are looked up by their ids, missing ones as null", () => {
    const doc = { getElementById: (id) => (id === 'hb-app' ? { id } : null) };
    assert.deepEqual(staticPage(doc), {
        app: { id: 'hb-app' },
        stage: null,
        preview: null,
        cover: null,
        enter: null,
        css: null,
    });
});

/** A stylesheet link that has not loaded: `fire(type)` sends it an event. */
function pendingSheet() {
    const handlers = {};
    return {
        sheet: null,
        addEventListener: (type, handler) => (handlers[type] = handler),
        fire: (type) => handlers[type](),
    };
}

/** Whether `promise` has settled once pending callbacks ran. */
async function settledYet(promise) {
    let settled = false;
    promise.then(() => (settled = true));
    await new Promise((next) => setTimeout(next, 0));
    return settled;
}

test('waiting for the stylesheet ends at once when it applies, else on its load', async () => {
    await whenStyled(null);
    await whenStyled({ sheet: {} });
    const css = pendingSheet();
    const pending = whenStyled(css, 60000);
    assert.equal(await settledYet(pending), false);
    css.fire('load');
    assert.equal(await settledYet(pending), true);
});

test('a stylesheet that fails or is slow does not hold Enter back', async () => {
    const failing = pendingSheet();
    const afterError = whenStyled(failing, 60000);
    failing.fire('error');
    assert.equal(await settledYet(afterError), true);
    const slow = whenStyled(pendingSheet(), 20);
    assert.equal(await settledYet(slow), false);
    await new Promise((next) => setTimeout(next, 40));
    assert.equal(await settledYet(slow), true);
});
