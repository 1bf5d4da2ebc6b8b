"""Low-level Office Open XML helpers: the only place that knows package and XML details."""
