"""Author tools: exhaustive check and graph drawing, on the engine's rules."""
