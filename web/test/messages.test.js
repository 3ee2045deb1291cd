// What a visitor reads when a request fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWait, errorText, explainError, waitText } from '../src/messages.js';

test('waits read as words a visitor uses', () => {
    assert.deepEqual(describeWait(42), ['seconds', 42]);
    assert.deepEqual(describeWait(300), ['aboutMinutes', 5]);
    assert.deepEqual(describeWait(1709), ['aboutHalfHour', null]);
    assert.deepEqual(describeWait(3600), ['aboutAnHour', null]);
    assert.deepEqual(describeWait(3 * 3600 + 100), ['aboutHours', 3]);
    assert.equal(waitText('zh-CN', 1709), '约半小时');
    assert.equal(waitText('en', 1709), 'about half an hour');
    assert.equal(waitText('yue', 30), '30 秒');
});

const reserved = 'This nickname is reserved for the organisers; please choose another.';

test('the service refusals become plain messages, never its English text', () => {
    const nickname = { status: 422, message: reserved, errors: { json: { nickname: [reserved] } } };
    assert.deepEqual(explainError(nickname), ['errorNickname']);
    assert.equal(errorText('zh-CN', nickname), '这个昵称不能使用。请换一个昵称再发送。');
    const tooLong = { status: 422, errors: { json: { text: ['Length must be between 1 and 500.'] } } };
    assert.deepEqual(explainError(tooLong), ['errorInvalid']);
    assert.deepEqual(explainError({ status: 422, errors: { json: { text: ['blocked word'] } } }), ['errorText']);
    assert.equal(errorText('zh-CN', { status: 429, retryAfter: '1709' }), '操作太频繁。请约半小时后再试。');
    assert.deepEqual(explainError({ status: 409 }), ['errorDuplicate']);
    assert.deepEqual(explainError({ status: 503 }), ['errorServer']);
    assert.equal(errorText('en', new TypeError('Failed to fetch')), 'No connection. Check your network and try again.');
    assert.ok(!errorText('zh-CN', nickname).includes('[object Object]'));
});
