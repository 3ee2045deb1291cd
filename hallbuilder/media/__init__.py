"""Conversions that make hall media light enough for phones on weak networks.

Each module does one job and knows nothing about the build: `audio` (loudness-normalised speech in M4A),
`images` (oriented, metadata-free WebP and JPEG at a few widths), `video` (H.264/AAC MP4 with faststart and
a poster), `captions` (WebVTT from a transcript), `cache` (skip conversions whose input did not change).
`hallbuilder.builder.media.MediaStore` ties them together for the build.
"""
