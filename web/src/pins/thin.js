import { toDegrees, toRadians } from '../angles.js';
// Which pinned comments to show: the few nearest the centre of the view, so the panorama stays clear.

/** The angle in degrees between two directions given as {yaw, pitch} in degrees. */
export function angleBetween(a, b) {
    const cos =
        Math.sin(toRadians(a.pitch)) * Math.sin(toRadians(b.pitch)) +
        Math.cos(toRadians(a.pitch)) * Math.cos(toRadians(b.pitch)) * Math.cos(toRadians(a.yaw - b.yaw));
    return toDegrees(Math.acos(Math.min(1, Math.max(-1, cos))));
}

/**
 * The ids of at most `max` comments within the view (`view` {yaw, pitch, fov} in degrees; `fov` vertical),
 * nearest the centre first.
 */
export function nearestInView(comments, view, max) {
    const reach = view.fov * 0.75;
    return comments
        .map((comment) => ({ id: comment.id, angle: angleBetween(comment.position, view) }))
        .filter((item) => item.angle <= reach)
        .sort((a, b) => a.angle - b.angle || a.id - b.id)
        .slice(0, max)
        .map((item) => item.id);
}
