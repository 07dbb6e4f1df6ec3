"""Concepts: candidate terms per note (`extract`), merged and ranked across the vault (`build`)."""
