// Bundles the viewer into ../hallbuilder/web_dist/ for `hallbuilder build` to ship.
// Code splitting keeps the first view small: main.js loads the viewer core, the plugins load after it.
// Every .js and .css gets .br and .gz siblings so static hosts can serve them precompressed.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'hallbuilder', 'web_dist');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const options = {
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: ['es2020', 'safari14'],
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
};
const result = await build({
    ...options,
    entryPoints: { tour: join(here, 'src', 'main.js'), baseline: join(here, 'src', 'baseline.js') },
});
// The studio page (`hallbuilder studio` serves it) is built on its own, so the tour's chunks stay exactly as
// they were and nothing of the studio is ever copied into a tour.
const studioResult = await build({ ...options, entryPoints: { studio: join(here, 'src', 'studio', 'main.js') } });
const studioFiles = Object.keys(studioResult.metafile.outputs).map((file) => relative(out, resolve(file)));

const outputs = Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([file, meta]) => [relative(out, resolve(file)), meta]),
);
const files = Object.keys(outputs);
const entry = files.find((file) => /^tour-.*\.js$/.test(file));
const css = files.find((file) => /^tour-.*\.css$/.test(file));
// The baseline page is for tests and the benchmark only: listed apart, never copied into a tour.
const baselineEntry = files.find((file) => /^baseline-.*\.js$/.test(file));
const baselineFiles = [...closure(baselineEntry)];
const baselineCss = css; // the baseline page links the tour's stylesheet (PSV's styles are in it)
const tourFiles = new Set([
    ...closure(entry),
    ...closure(files.find((file) => outputs[file].entryPoint === 'src/viewer.js')),
]);

/** An output and every chunk it imports statically, recursively. */
function closure(file, seen = new Set()) {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const item of outputs[file]?.imports ?? []) {
        if (item.kind === 'import-statement') closure(relative(out, resolve(item.path)), seen);
    }
    return seen;
}
const viewerChunk = files.find((file) => outputs[file].entryPoint === 'src/viewer.js');
// The viewer's PSV plugins are given to its constructor, so they load beside it (modulepreloaded too).
const pluginsChunk = files.find((file) => outputs[file].entryPoint === 'src/plugins.js');

for (const file of [...files, ...studioFiles].filter((name) => /\.(js|css)$/.test(name))) {
    const bytes = readFileSync(join(out, file));
    writeFileSync(join(out, `${file}.gz`), gzipSync(bytes, { level: 9 }));
    writeFileSync(
        join(out, `${file}.br`),
        brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
}

const manifest = {
    entry,
    css,
    preload: [...closure(entry)].filter((file) => file !== entry),
    viewer: [...new Set([...closure(viewerChunk), ...closure(pluginsChunk)])],
    files: files.filter(
        (file) => !file.startsWith('baseline-') && (tourFiles.has(file) || !baselineFiles.includes(file)),
    ),
    baseline: { entry: baselineEntry, css: baselineCss, files: baselineFiles },
    studio: {
        entry: studioFiles.find((file) => /^studio-.*\.js$/.test(file)),
        css: studioFiles.find((file) => /^studio-.*\.css$/.test(file)),
        files: studioFiles,
    },
    version: createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12),
};
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(join(out, '.built'), `${new Date().toISOString()}\n`);
console.log(`viewer bundle: ${files.length} files, studio: ${studioFiles.length}, in ${relative(process.cwd(), out)}`);
