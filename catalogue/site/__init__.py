"""The site's front door: the home page, each role's dashboard and the health check."""
