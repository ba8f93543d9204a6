"""While Sphinx reads a page: our directives, and the collectors that fill its record."""
