"""marsad — Arabic conflict-event extraction with sources and disagreements kept."""
__version__ = "0.1.0"
