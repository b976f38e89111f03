"""Small apps measured beside the twins: hello-worlds, the extension ladder, floors."""
