"""What keeps rebuilds small: which unchanged pages to rewrite, serial reads of few pages."""
