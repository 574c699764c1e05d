"""Starts and supervises the whole product on one machine (``make run``) and for the tests."""
