// WebVTT as the build writes it, read back into timed lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cueAt, parseTimestamp, parseVtt } from '../src/captions.js';

const FILE =
    'WEBVTT\n\n1\n00:00.000 --> 00:01.500\n欢迎来到大厅。\n\n2\n00:01.500 --> 01:02.250 align:center\nA &lt;b&gt; <v Guide>tag</v>\n';

test('timestamps with and without hours', () => {
    assert.equal(parseTimestamp('00:01.500'), 1.5);
    assert.equal(parseTimestamp('01:02:03.250'), 3723.25);
    assert.ok(Number.isNaN(parseTimestamp('soon')));
});

test('cues are read in order, tags stripped and entities decoded', () => {
    const cues = parseVtt(FILE);
    assert.deepEqual(cues, [
        { start: 0, end: 1.5, text: '欢迎来到大厅。' },
        { start: 1.5, end: 62.25, text: 'A <b> tag' },
    ]);
    assert.equal(cueAt(cues, 0.2), '欢迎来到大厅。');
    assert.equal(cueAt(cues, 1.5), 'A <b> tag');
    assert.equal(cueAt(cues, 70), '');
    assert.deepEqual(parseVtt(''), []);
    assert.deepEqual(parseVtt('\uFEFFWEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nhi\r\n'), [
        { start: 0, end: 1, text: 'hi' },
    ]);
});
