"""Two articles -> links: normalise, find candidate pairs, align sentences."""
