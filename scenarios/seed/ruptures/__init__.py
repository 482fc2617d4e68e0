"""One module per developed rupture scenario of the cahier d'enjeux 2012/2013, plus the 12 others."""
