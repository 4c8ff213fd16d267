"""The claims app: articles, statements, speakers, topics and stances."""
