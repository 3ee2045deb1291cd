"""Print-ready PDF posters (A4) and table cards (A6) around the QR codes: `hallbuilder qr DIST --posters`."""
