from django.apps import AppConfig


class ToolsConfig(AppConfig):
    name = "resources.tools"
    label = "tools"
    verbose_name = "Outils interactifs"
