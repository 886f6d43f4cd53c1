"""Qt widgets only. They reach data through app services and run long work via app.tasks."""
