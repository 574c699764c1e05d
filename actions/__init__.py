"""Custom actions for the Rasa bot, served by the rasa-sdk action server (``actions.server``)."""
