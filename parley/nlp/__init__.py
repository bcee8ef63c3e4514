"""spaCy components only: Doc in, Doc out (STYLE.md #2). Factories live in factories.py."""
