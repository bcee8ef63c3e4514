"""Writers of parley's records and analyses in other formats (charts, event data, graphs)."""
