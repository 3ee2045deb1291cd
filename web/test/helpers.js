// Small helpers shared by the unit tests.
import { ranked } from '../src/showcase/model.js';

/** The branch ids in the order `ranked` gives for `stats`. */
export function rankedFor(stats, order) {
    return ranked([{ id: 'a' }, { id: 'b' }, { id: 'c' }], stats, order).map((entry) => entry.showcase.id);
}
