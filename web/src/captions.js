// WebVTT captions for the narration. Browsers parse a <track> on <audio> but draw nothing, so the tour
// reads the file itself and shows the cue of the moment in its own caption line. Pure functions.

const ENTITIES = { lt: '<', gt: '>', amp: '&', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** Seconds from a WebVTT timestamp ("00:01.500" or "01:02:03.250"), or NaN. */
export function parseTimestamp(text) {
    const match = /^(?:(\d+):)?(\d{2}):(\d{2})[.,](\d{3})$/.exec(String(text).trim());
    if (!match) return Number.NaN;
    const [, hours = '0', minutes, seconds, millis] = match;
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000;
}

/** The cues of a WebVTT file as [{start, end, text}] in file order (tags such as <v Name> stripped). */
export function parseVtt(source) {
    const blocks = String(source || '')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .split(/\n{2,}/);
    const cues = [];
    for (const block of blocks) {
        const lines = block.split('\n');
        const timing = lines.findIndex((line) => line.includes('-->'));
        if (timing < 0) continue;
        const [from, rest = ''] = lines[timing].split('-->');
        const start = parseTimestamp(from);
        const end = parseTimestamp(rest.trim().split(/\s+/)[0]);
        if (Number.isNaN(start) || Number.isNaN(end)) continue;
        const text = lines
            .slice(timing + 1)
            .join('\n')
            .replace(/<[^>]*>/g, '')
            .replace(/&(lt|gt|amp|nbsp|lrm|rlm);/g, (_, name) => ENTITIES[name])
            .trim();
        if (text) cues.push({ start, end, text });
    }
    return cues;
}

/** The text shown at `time` seconds ('' between cues). */
export function cueAt(cues, time) {
    return cues.find((cue) => time >= cue.start && time < cue.end)?.text ?? '';
}
