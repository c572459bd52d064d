"""One screen per module. Modal screens return typed results through `dismiss`."""
