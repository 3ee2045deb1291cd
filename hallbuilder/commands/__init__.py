"""Click commands for the hall project: new, check, build, showcase."""
