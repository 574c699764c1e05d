"""The public HTTP api: chat, health, the demo page (and later the widget and staff console)."""
