"""hallbuilder: 360° photos of a real exhibition hall → a fast online VR exhibition hall."""

__version__ = "0.1.0"
