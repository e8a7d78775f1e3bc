"""The CLI's command groups, one module each; ``litkg.cli`` assembles them."""
