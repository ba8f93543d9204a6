"""The pages the build generates from the site: topics, speakers, pending material, to-dos."""
