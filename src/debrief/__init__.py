"""debrief: an offline notebook that explains NHS jargon after meetings."""

__version__ = "0.1.0"
