// One branch's page: introduction, its rooms in the hall, achievements as a timeline, a photo gallery, and
// the like button with the counts. Built for the Showcases hall (./index.js), which opens it in its panel.
import { errorText } from '../messages.js';
import { h, paragraphs } from '../ui/dom.js';
import { countsOf, galleryOf, likedToday, rememberLike } from './model.js';
import { logo, photo, video } from './media.js';
import { st } from './strings.js';

/**
 * The page's content for `showcase`, in the `state`'s language. `back()` returns to the grid, `goTo(scene)`
 * moves to a room, `likes` is the element the like box fills in.
 */
export function branchContent(showcase, { state, back, goTo, likes }) {
    const { lang } = state;
    const text = (map) => state.text(map);
    const name = text(showcase.name) || showcase.id;
    const go = (scene, label) =>
        h('button', {
            type: 'button',
            class: 'hb-button hb-branch-go',
            'data-scene': scene,
            text: label,
            onclick: () => goTo(scene),
        });
    const rooms = (showcase.scenes || []).map((id) => state.scenes.get(id)).filter(Boolean);
    return [
        h('button', {
            type: 'button',
            class: 'hb-button hb-branch-back',
            text: `← ${st(lang, 'back')}`,
            onclick: back,
        }),
        h('div', { class: 'hb-branch-head' }, [
            logo(showcase.logo),
            h('p', { class: 'hb-branch-motto', text: text(showcase.motto) }),
        ]),
        ...paragraphs(text(showcase.introduction)),
        likes,
        ...rooms.map((scene) => go(scene.id, st(lang, 'room', text(scene.title)))),
        h('h3', { text: st(lang, 'timeline') }),
        timeline(showcase, name, { state, go }),
        ...gallery(showcase, name, state),
    ];
}

function timeline(showcase, name, { state, go }) {
    const { lang } = state;
    const items = (showcase.achievements || []).map((achievement) => {
        const title = state.text(achievement.title);
        return h('li', { class: 'hb-achievement', 'data-achievement': achievement.id }, [
            h('time', { datetime: achievement.date, text: achievement.date }),
            achievement.category
                ? h('span', { class: 'hb-achievement-category', text: state.text(achievement.category) })
                : null,
            h('h4', { text: title }),
            ...paragraphs(state.text(achievement.text)),
            (achievement.photos || []).length
                ? h(
                      'div',
                      { class: 'hb-photos' },
                      achievement.photos.map((image, index) => photo(lang, image, st(lang, 'photo', title, index + 1))),
                  )
                : null,
            achievement.video ? video(lang, achievement.video, title) : null,
            achievement.scene && state.scenes.has(achievement.scene) ? go(achievement.scene, st(lang, 'inHall')) : null,
        ]);
    });
    return items.length
        ? h('ol', { class: 'hb-timeline', 'aria-label': `${name}: ${st(lang, 'timeline')}` }, items)
        : h('p', { class: 'hb-muted', text: st(lang, 'empty') });
}

function gallery(showcase, name, state) {
    const { lang } = state;
    const photos = galleryOf(showcase);
    if (!photos.length) return [];
    return [
        h('h3', { text: st(lang, 'gallery') }),
        h(
            'div',
            { class: 'hb-photos hb-branch-gallery', 'aria-label': `${name}: ${st(lang, 'gallery')}`, role: 'group' },
            photos.map(({ image, achievement }, index) =>
                photo(lang, image, st(lang, 'photo', state.text(achievement.title), index + 1)),
            ),
        ),
    ];
}

/**
 * Fills `box` with the like button and counts of `branch` of `hall` (through `stats`, a ShowcaseStats);
 * `counted` settles once this visit's view of the page is counted.
 */
export async function fillLikeBox(box, { hall, branch, lang, stats, counted }) {
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
            const result = await stats.like(branch);
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
    const counts = await stats.fetch();
    if (counts) {
        const { likes, views: seen } = countsOf(counts, branch);
        if (!count.textContent) count.textContent = st(lang, 'likes', likes);
        views.textContent = st(lang, 'views', seen);
    }
}
