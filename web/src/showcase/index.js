// The showcase hall: a grid of branches (logo, name, achievements, likes), ranked by likes or views, and each
// branch's page (introduction, achievements as a timeline, photo gallery, video, likes). Reached from showcase
// hotspots and from the menu. Every text goes through textContent (h(..., {text})): tour.json is data.
import { pick } from '../i18n.js';
import { h, icon, paragraphs } from '../ui/dom.js';
import { countsOf, galleryOf, likedToday, ORDERS, ranked, rememberLike } from './model.js';
import { countView, fetchStats, like } from './service.js';
import { errorText } from '../messages.js';
import { st } from './strings.js';
import './showcase.css';

const ORDER_LABEL = { name: 'orderName', likes: 'orderLikes', views: 'orderViews' };

/** Opens the grid of every branch; `focus` names the branch card to focus (coming back from its page). */
export async function openShowcaseHall(ctx, { order = 'name', focus = null } = {}) {
    const { lang } = ctx;
    const grid = h('ul', { class: 'hb-branch-grid' });
    const orders = h('div', { class: 'hb-branch-orders', role: 'group', 'aria-label': st(lang, 'order') });
    const status = h('p', { class: 'hb-status', role: 'status' });
    ctx.panel.open('showcases', st(lang, 'hall'), [
        h('p', { class: 'hb-muted', text: st(lang, 'intro') }),
        orders,
        grid,
        status,
    ]);
    const stats = await fetchStats(ctx);
    if (!grid.isConnected) return; // the visitor moved on meanwhile
    const render = (chosen) => {
        orders.replaceChildren(
            ...(stats ? ORDERS : ['name']).map((name) =>
                h('button', {
                    type: 'button',
                    class: 'hb-branch-order',
                    'data-order': name,
                    'aria-pressed': String(name === chosen),
                    text: st(lang, ORDER_LABEL[name]),
                    onclick: () => render(name),
                }),
            ),
        );
        grid.replaceChildren(
            ...ranked(ctx.tour.showcases, stats, chosen).map((entry, index) =>
                card(ctx, entry, chosen === 'name' ? null : index + 1, Boolean(stats), chosen),
            ),
        );
    };
    render(stats ? order : 'name');
    if (focus) grid.querySelector(`[data-branch="${CSS.escape(focus)}"]`)?.focus();
}

function card(ctx, { showcase, likes, views }, rank, counted, order) {
    const { lang, languages } = ctx;
    const count = (showcase.achievements || []).length;
    const details = [
        rank ? h('span', { class: 'hb-branch-rank', text: st(lang, 'rank', rank) }) : null,
        h('span', { text: st(lang, 'achievements', count) }),
        counted ? h('span', { class: 'hb-branch-likes', text: st(lang, 'likes', likes) }) : null,
        counted && order === 'views' ? h('span', { text: st(lang, 'views', views) }) : null,
    ];
    return h('li', {}, [
        h(
            'button',
            {
                type: 'button',
                class: 'hb-branch-card',
                'data-branch': showcase.id,
                onclick: () => openBranch(ctx, showcase.id, { order }),
            },
            [
                logo(showcase.logo),
                h('span', { class: 'hb-branch-name', text: pick(showcase.name, lang, languages) || showcase.id }),
                h('span', { class: 'hb-branch-meta' }, details),
            ],
        ),
    ]);
}

function logo(image) {
    if (!image) return h('span', { class: 'hb-branch-logo hb-branch-logo--none' }, [icon('star')]);
    return h('img', {
        class: 'hb-branch-logo',
        src: image.src,
        srcset: srcsetOf(image),
        sizes: '96px',
        alt: '',
        width: 96,
        height: 96,
        loading: 'lazy',
    });
}

function srcsetOf(image) {
    const webp = (image.srcset || []).filter((item) => item.type === 'image/webp');
    const items =
        webp.length && supportsWebp() ? webp : (image.srcset || []).filter((item) => item.type !== 'image/webp');
    return items.map((item) => `${item.src} ${item.width}w`).join(', ') || null;
}

let webpSupport = null;
function supportsWebp() {
    if (webpSupport === null)
        webpSupport = document.createElement('canvas').toDataURL('image/webp').startsWith('data:image/webp');
    return webpSupport;
}

/** Opens one branch's page; counts a view of it. */
export async function openBranch(ctx, branch, { order = 'name' } = {}) {
    const { lang, languages } = ctx;
    const showcase = ctx.tour.showcases.find((item) => item.id === branch);
    if (!showcase) return;
    const name = pick(showcase.name, lang, languages) || showcase.id;
    const back = h('button', {
        type: 'button',
        class: 'hb-button hb-branch-back',
        text: `← ${st(lang, 'back')}`,
        onclick: () => openShowcaseHall(ctx, { order, focus: branch }),
    });
    const likes = h('div', { class: 'hb-branch-liking' });
    const rooms = (showcase.scenes || []).map((id) => ctx.scenes.get(id)).filter(Boolean);
    const content = [
        back,
        h('div', { class: 'hb-branch-head' }, [
            logo(showcase.logo),
            h('p', { class: 'hb-branch-motto', text: pick(showcase.motto, lang, languages) }),
        ]),
        ...paragraphs(pick(showcase.introduction, lang, languages)),
        likes,
        ...rooms.map((scene) => goButton(ctx, scene.id, st(lang, 'room', pick(scene.title, lang, languages)))),
        h('h3', { text: st(lang, 'timeline') }),
        timeline(ctx, showcase, name),
        ...galleryBlock(ctx, showcase, name),
    ];
    ctx.panel.open('branch', name, content, () =>
        ctx.panel.body.querySelectorAll('video').forEach((video) => video.pause()),
    );
    back.focus();
    if (ctx.service) likeBox(ctx, branch, likes, countView(ctx, branch));
}

function goButton(ctx, scene, label) {
    return h('button', {
        type: 'button',
        class: 'hb-button hb-branch-go',
        'data-scene': scene,
        text: label,
        onclick: () => {
            ctx.panel.close();
            ctx.goTo(scene, { push: true });
        },
    });
}

function timeline(ctx, showcase, name) {
    const { lang, languages } = ctx;
    const items = (showcase.achievements || []).map((achievement) => {
        const title = pick(achievement.title, lang, languages);
        return h('li', { class: 'hb-achievement', 'data-achievement': achievement.id }, [
            h('time', { datetime: achievement.date, text: achievement.date }),
            achievement.category
                ? h('span', { class: 'hb-achievement-category', text: pick(achievement.category, lang, languages) })
                : null,
            h('h4', { text: title }),
            ...paragraphs(pick(achievement.text, lang, languages)),
            (achievement.photos || []).length
                ? h(
                      'div',
                      { class: 'hb-photos' },
                      achievement.photos.map((image, index) => photo(ctx, image, st(lang, 'photo', title, index + 1))),
                  )
                : null,
            achievement.video ? video(ctx, achievement.video, title) : null,
            achievement.scene && ctx.scenes.has(achievement.scene)
                ? goButton(ctx, achievement.scene, st(lang, 'inHall'))
                : null,
        ]);
    });
    return items.length
        ? h('ol', { class: 'hb-timeline', 'aria-label': `${name}: ${st(lang, 'timeline')}` }, items)
        : h('p', { class: 'hb-muted', text: st(lang, 'empty') });
}

function galleryBlock(ctx, showcase, name) {
    const { lang, languages } = ctx;
    const photos = galleryOf(showcase);
    if (!photos.length) return [];
    return [
        h('h3', { text: st(lang, 'gallery') }),
        h(
            'div',
            { class: 'hb-photos hb-branch-gallery', 'aria-label': `${name}: ${st(lang, 'gallery')}`, role: 'group' },
            photos.map(({ image, achievement }, index) =>
                photo(ctx, image, st(lang, 'photo', pick(achievement.title, lang, languages), index + 1)),
            ),
        ),
    ];
}

function photo(ctx, image, alt) {
    const { lang } = ctx;
    const picture = h('img', {
        src: image.src,
        srcset: srcsetOf(image),
        sizes: '(max-width: 600px) 45vw, 200px',
        alt,
        loading: 'lazy',
        width: image.width,
        height: image.height,
    });
    const enlarge = () => {
        const dialog = h('dialog', { class: 'hb-lightbox', 'aria-label': alt }, [
            h(
                'button',
                {
                    type: 'button',
                    class: 'hb-lightbox-close',
                    'aria-label': st(lang, 'close'),
                    onclick: () => dialog.close(),
                },
                ['×'],
            ),
            h('img', { src: image.src, alt, class: 'hb-lightbox-image' }),
        ]);
        dialog.addEventListener('close', () => dialog.remove());
        dialog.addEventListener('click', () => dialog.close());
        document.body.append(dialog);
        dialog.showModal();
    };
    return h(
        'button',
        { type: 'button', class: 'hb-photo', 'aria-label': `${st(lang, 'enlarge')}: ${alt}`, onclick: enlarge },
        [picture],
    );
}

function video(ctx, media, title) {
    return h('video', {
        class: 'hb-branch-video',
        src: media.src,
        poster: media.poster || null,
        controls: true,
        preload: 'none',
        playsinline: true,
        'webkit-playsinline': true,
        width: media.width || null,
        height: media.height || null,
        'aria-label': `${st(ctx.lang, 'video')}: ${title}`,
    });
}

/** The like button and counts; `counted` settles once this visit's view of the page is counted. */
async function likeBox(ctx, branch, box, counted) {
    const { lang } = ctx;
    const hall = ctx.tour.hall.id;
    const count = h('span', { class: 'hb-likes', 'aria-live': 'polite' });
    const done = likedToday(hall, branch);
    const button = h('button', {
        type: 'button',
        class: 'hb-button hb-button--primary hb-like',
        'aria-pressed': String(done),
        disabled: done,
        text: st(lang, done ? 'liked' : 'like'),
    });
    const views = h('span', { class: 'hb-muted' });
    button.addEventListener('click', async () => {
        button.disabled = true;
        try {
            const result = await like(ctx, branch);
            count.textContent = st(lang, 'likes', result.likes ?? 0);
            rememberLike(hall, branch);
            button.textContent = st(lang, 'liked');
            button.setAttribute('aria-pressed', 'true');
        } catch (error) {
            button.disabled = false;
            count.textContent = errorText(lang, error);
        }
    });
    box.replaceChildren(button, count, views);
    await counted;
    const stats = await fetchStats(ctx);
    if (stats) {
        const { likes, views: seen } = countsOf(stats, branch);
        if (!count.textContent) count.textContent = st(lang, 'likes', likes);
        views.textContent = st(lang, 'views', seen);
    }
}

/** The menu entry's label. */
export function showcaseHallLabel(lang) {
    return st(lang, 'hall');
}

/**
 * Deep links: `#showcase=<branch>` opens that branch's page, `#showcase` the showcase hall (for QR codes and
 * shares). On a fresh visit it opens once the visitor has entered the tour from the cover.
 */
export function openShowcaseFromLink(ctx) {
    const open = () => {
        const params = new URLSearchParams(location.hash.replace(/^#/, ''));
        if (!params.has('showcase') || !ctx.tour.showcases.length) return;
        const branch = params.get('showcase');
        if (ctx.tour.showcases.some((item) => item.id === branch)) openBranch(ctx, branch);
        else openShowcaseHall(ctx);
    };
    const enter = document.getElementById('hb-enter');
    if (enter && !ctx.entered) enter.addEventListener('click', () => setTimeout(open, 0), { once: true });
    else open();
    window.addEventListener('hashchange', open);
}
