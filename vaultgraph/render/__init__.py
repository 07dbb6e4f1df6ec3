"""Turning results into text: lint output formats, the HTML concept map, reports."""
