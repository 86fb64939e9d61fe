"""The terminal app. It calls the domain modules; they never import it."""
