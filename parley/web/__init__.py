"""The dashboard and JSON API (`parley serve`): thin views over parley.analysis."""

from parley.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
