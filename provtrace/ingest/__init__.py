"""Paths -> Article: read files, extract the story, strip furniture, split sentences."""
