"""What the HTML builder writes besides the pages: sidebar, feeds, sitemap, previews, diagrams."""
