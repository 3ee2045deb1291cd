// Entry point: small on purpose. The viewer (three.js + PSV) and the plugins are separate chunks;
// their styles are small, so they come with ours in the one stylesheet index.html links.
import '@photo-sphere-viewer/core/index.css';
import '@photo-sphere-viewer/markers-plugin/index.css';
import '@photo-sphere-viewer/map-plugin/index.css';
import './styles.css';
import { start } from './app.js';

start().catch((error) => {
    console.error('hallbuilder viewer:', error);
});
