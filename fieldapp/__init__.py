"""fieldapp: grid inspection (网格化巡查) for the field."""

__version__ = "0.1.0"
