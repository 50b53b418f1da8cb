"""Marsad (مرصد): Arabic-first political event and alliance tracker."""

__version__ = "0.1.0"
