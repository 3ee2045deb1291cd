// The showcase hall: a grid of branches (logo, name, achievements, likes), ranked by likes or views, and each
// branch's page (./branch.js). Reached from showcase hotspots, from the menu and from `#showcase` links. Every
// text goes through textContent (h(..., {text})): tour.json is data.
import { EnteredEvent } from '../tour-state.js';
import { h } from '../ui/dom.js';
import { branchContent, fillLikeBox } from './branch.js';
import { logo } from './media.js';
import { ORDERS, ranked } from './model.js';
import { ShowcaseStats } from './service.js';
import { st } from './strings.js';
import './showcase.css';

const ORDER_LABEL = { name: 'orderName', likes: 'orderLikes', views: 'orderViews' };

/**
 * The showcase hall of `tour`, shown in `panel` in the `state`'s language; likes and views through the hall
 * service's `api` (null without a service). Choosing a branch's room moves there through `state`.
 */
export class Showcases {
    constructor({ tour, state, panel, api = null }) {
        this.tour = tour;
        this.state = state;
        this.panel = panel;
        this.stats = new ShowcaseStats(api);
        this.followLinks();
    }

    /** The More menu's entry (see Toolbar.addMenuItems); none when the hall has no showcases. */
    menuItems() {
        if (!this.tour.showcases?.length) return [];
        const label = (lang) => st(lang, 'hall');
        return [{ name: 'showcases', icon: 'star', order: 60, closes: false, label, action: () => this.openHall() }];
    }

    /**
     * Deep links: `#showcase=<branch>` opens that branch's page, `#showcase` the showcase hall (for QR codes
     * and shares). On a fresh visit it opens once the visitor has entered the tour from the cover.
     */
    followLinks() {
        const open = () => {
            const params = new URLSearchParams(location.hash.replace(/^#/, ''));
            if (!params.has('showcase') || !this.tour.showcases.length) return;
            const branch = params.get('showcase');
            if (this.tour.showcases.some((item) => item.id === branch)) this.openBranch(branch);
            else this.openHall();
        };
        if (this.state.entered) open();
        else this.state.addEventListener(EnteredEvent.type, () => setTimeout(open, 0), { once: true });
        window.addEventListener('hashchange', open);
    }

    /** Opens the grid of every branch; `focus` names the branch card to focus (coming back from its page). */
    async openHall({ order = 'name', focus = null } = {}) {
        const { lang } = this.state;
        const grid = h('ul', { class: 'hb-branch-grid' });
        const orders = h('div', { class: 'hb-branch-orders', role: 'group', 'aria-label': st(lang, 'order') });
        const status = h('p', { class: 'hb-status', role: 'status' });
        this.panel.open('showcases', st(lang, 'hall'), [
            h('p', { class: 'hb-muted', text: st(lang, 'intro') }),
            orders,
            grid,
            status,
        ]);
        const stats = await this.stats.fetch();
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
                ...ranked(this.tour.showcases, stats, chosen).map((entry, index) =>
                    this.card(entry, chosen === 'name' ? null : index + 1, Boolean(stats), chosen),
                ),
            );
        };
        render(stats ? order : 'name');
        if (focus) grid.querySelector(`[data-branch="${CSS.escape(focus)}"]`)?.focus();
    }

    /** Opens one branch's page; counts a view of it. */
    openBranch(branch, { order = 'name' } = {}) {
        const showcase = this.tour.showcases.find((item) => item.id === branch);
        if (!showcase) return;
        const likes = h('div', { class: 'hb-branch-liking' });
        const content = branchContent(showcase, {
            state: this.state,
            likes,
            back: () => this.openHall({ order, focus: branch }),
            goTo: (scene) => {
                this.panel.close();
                this.state.goTo(scene, { push: true });
            },
        });
        this.panel.open('branch', this.state.text(showcase.name) || showcase.id, content, () =>
            this.panel.body.querySelectorAll('video').forEach((video) => video.pause()),
        );
        this.panel.body.querySelector('.hb-branch-back').focus();
        if (!this.stats.available) return;
        const { lang } = this.state;
        const counted = this.stats.countView(branch);
        fillLikeBox(likes, { hall: this.tour.hall.id, branch, lang, stats: this.stats, counted });
    }

    card({ showcase, likes, views }, rank, counted, order) {
        const { lang } = this.state;
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
                    onclick: () => this.openBranch(showcase.id, { order }),
                },
                [
                    logo(showcase.logo),
                    h('span', { class: 'hb-branch-name', text: this.state.text(showcase.name) || showcase.id }),
                    h('span', { class: 'hb-branch-meta' }, details),
                ],
            ),
        ]);
    }
}
