"""The six workflow pages. Each takes (session, main_window), reads the session, never computes."""
