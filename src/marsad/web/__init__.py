"""Dashboard assets: the page template and the scripts and styles it loads (all served locally)."""
