// Scene order, grouped by zone as the visitor's scene list shows it. Pure functions returning edit ops.

/** Scenes grouped by zone in the zones' order; scenes without a known zone come last (zone null). */
export function groupScenes(scenes, zones) {
    const known = new Set(zones.map((zone) => zone.id));
    const groups = zones.map((zone) => ({ zone: zone.id, scenes: [] }));
    const loose = { zone: null, scenes: [] };
    scenes.forEach((scene, index) => {
        const item = { scene, index };
        if (known.has(scene.zone)) groups.find((group) => group.zone === scene.zone).scenes.push(item);
        else loose.scenes.push(item);
    });
    return [...groups, loose];
}

/** The op moving a scene one place up (-1) or down (+1) among its zone's scenes, or null at the end. */
export function stepOps(scenes, zones, index, delta) {
    const group = groupScenes(scenes, zones).find((item) => item.scenes.some((entry) => entry.index === index));
    const at = group.scenes.findIndex((entry) => entry.index === index);
    const other = group.scenes[at + delta];
    if (!other) return null;
    return [{ op: 'move', path: ['scenes'], from: index, to: other.index }];
}

/**
 * The ops for dropping scene `from` onto scene `to` (taking its place) or onto an empty zone (`to` null):
 * the move, and the zone change when it lands in another zone's group.
 */
export function dropOps(scenes, from, to, zone) {
    const ops = [];
    const scene = scenes[from];
    if ((scene.zone ?? null) !== (zone ?? null)) {
        ops.push(
            zone
                ? { op: 'set', path: ['scenes', from, 'zone'], value: zone }
                : { op: 'delete', path: ['scenes', from, 'zone'] },
        );
    }
    if (to !== null && to !== from) ops.push({ op: 'move', path: ['scenes'], from, to });
    return ops;
}

/** The op moving a zone up or down, or null at the end. */
export function zoneStepOps(zones, index, delta) {
    const to = index + delta;
    if (to < 0 || to >= zones.length) return null;
    return [{ op: 'move', path: ['zones'], from: index, to }];
}
