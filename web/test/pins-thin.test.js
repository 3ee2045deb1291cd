import assert from 'node:assert/strict';
import { test } from 'node:test';
import { angleBetween, nearestInView } from '../src/pins/thin.js';

const at = (id, yaw, pitch) => ({ id, position: { yaw, pitch } });

test('angles wrap around the back of the sphere', () => {
    assert.equal(Math.round(angleBetween({ yaw: 170, pitch: 0 }, { yaw: -170, pitch: 0 })), 20);
    assert.equal(Math.round(angleBetween({ yaw: 0, pitch: 90 }, { yaw: 123, pitch: 90 })), 0);
});

test('at most max comments, nearest the centre first, none behind the visitor', () => {
    const comments = [at(1, 40, 0), at(2, 5, 0), at(3, 180, 0), at(4, -10, 5), at(5, 20, 0)];
    assert.deepEqual(nearestInView(comments, { yaw: 0, pitch: 0, fov: 90 }, 3), [2, 4, 5]);
    assert.deepEqual(nearestInView(comments, { yaw: 180, pitch: 0, fov: 90 }, 3), [3]);
});
