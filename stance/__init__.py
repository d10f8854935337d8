"""stance: who portrays whom in the news (Arabic, English, French)."""
__version__ = "0.1.0"
