"""Build scripts of the geopolitical timeline data package: load -> stage -> link -> publish."""
