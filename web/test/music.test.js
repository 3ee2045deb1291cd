import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DUCKED, label, targetVolume, trackOf } from '../src/music.js';

const hall = { music: { src: 'media/hall.m4a', volume: 0.4 } };

test('a scene plays its own track, else the hall’s, else none', () => {
    assert.equal(trackOf({ music: { src: 'media/own.m4a', volume: 1 } }, hall).src, 'media/own.m4a');
    assert.equal(trackOf({}, hall).src, 'media/hall.m4a');
    assert.equal(trackOf({}, {}), null);
});

test('the music is softer under narration and silent when muted', () => {
    const track = hall.music;
    assert.equal(targetVolume(track, { muted: false, ducked: false }), 0.4);
    assert.equal(targetVolume(track, { muted: false, ducked: true }), 0.4 * DUCKED);
    assert.equal(targetVolume(track, { muted: true, ducked: false }), 0);
    assert.equal(targetVolume(null, { muted: false, ducked: false }), 0);
});

test('the mute button says what pressing it does, in the tour’s language', () => {
    assert.equal(label('zh-CN', false), '关闭背景音乐');
    assert.equal(label('zh-Hant', true), '播放背景音樂');
    assert.equal(label('en', true), 'Turn the music on');
});
