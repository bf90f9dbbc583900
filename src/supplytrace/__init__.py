"""supplytrace: a sourced, queryable map of military supply networks from open reporting."""

__version__ = "0.1.0"
