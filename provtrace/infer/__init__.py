"""Links and evidence -> a judgement per pair, its direction, and the derivation forest."""
