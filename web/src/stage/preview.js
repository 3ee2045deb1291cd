// The flat preview image the static page paints first (#hb-preview): the first view before the viewer is
// live, and every scene when the panorama cannot be drawn.

/** Shows `scene`'s preview; with `keep`, falls back to its thumbnail and never removes the image. */
export function showPreview(image, scene, keep = false) {
    const src = scene.panorama.preview?.src || (keep ? scene.panorama.thumb : null);
    if (image && src) image.src = src;
    else if (!keep) image?.remove();
}

/** Removes the preview once the panorama has faded in over it. */
export function removePreviewAfter(image, delayMs) {
    setTimeout(() => image?.remove(), delayMs);
}
