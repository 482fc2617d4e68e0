"""One module per developed rupture scenario of the cahier d'enjeux 2012/2013, plus the 12 others (autres.py).

A scenario is a dict: slug, title, status, summary, tags, narrative (paragraphs), timeline
({year, title, text}) and, for developed ones, sections: {section slug: [entries]} or, for a
section with axes, {section slug: {axis: [entries]}}. Sub-headings of the cahier are kept as
a prefix of their entries ("Heading : entry").
"""
