"""Hand-written inputs in each format (our own text, not copied from any outlet)."""

from __future__ import annotations

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Envoys meet in Naqoura as withdrawal deadline nears | Example Wire</title>
<meta property="og:title" content="Envoys meet in Naqoura as withdrawal deadline nears">
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2025-03-11T18:46:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Envoys meet in Naqoura as withdrawal deadline nears</h1>
<p>Military delegations from Israel and Lebanon met on Tuesday at the United Nations post in
Naqoura, with American and French officers attending, according to a statement issued after the
session ended in the evening.</p>
<p>A Lebanese official said the talks dealt with the five hilltop positions still held by Israeli
troops, the release of detainees and the demarcation of the land border, and that a second session
was expected next week.</p>
<p>An Israeli spokesman said the army would hand over the positions once the Lebanese army had
completed its deployment south of the Litani river, a sequence Beirut rejects.</p>
</article>
<footer>Copyright Example Wire. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""

EMPTY_HTML = "<html><head><title>Index</title></head><body><nav>Home</nav></body></html>"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Example Wire: Middle East</title><link>https://wire.example/me</link>
<description>News</description>
<item>
  <title>Talks resume in Naqoura</title>
  <link>https://wire.example/me/talks-resume</link>
  <pubDate>Wed, 12 Mar 2025 09:30:00 GMT</pubDate>
  <description>&lt;p&gt;Delegations met again on Wednesday.&lt;/p&gt;&lt;p&gt;A second
  paragraph says the &lt;b&gt;detainee&lt;/b&gt; file was discussed.&lt;/p&gt;</description>
</item>
<item>
  <title>Army deploys south of the river</title>
  <link>https://wire.example/me/army-deploys</link>
  <pubDate>Thu, 13 Mar 2025 11:00:00 GMT</pubDate>
  <description>The Lebanese army deployed additional units near the border on Thursday.</description>
</item>
<item>
  <title>Photo gallery</title>
  <link>https://wire.example/me/gallery</link>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom Desk</title>
  <id>urn:example:desk</id>
  <updated>2025-03-14T10:00:00Z</updated>
  <entry>
    <title>Mediators propose a pilot zone</title>
    <link href="https://atom.example/pilot-zone"/>
    <id>urn:example:1</id>
    <updated>2025-03-14T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Mediators put forward the idea of a pilot zone in the south.&lt;/p&gt;</content>
  </entry>
</feed>
"""

ARTICLE_TEXT = """Israel and Lebanon held a further round of talks in Naqoura on Tuesday, officials said.
The Lebanese delegation insisted on a full ceasefire before any discussion of other files, while the
Israeli side demanded guarantees on the disarmament of armed groups south of the Litani river.
A diplomatic source said the mediators proposed a phased withdrawal from the five hilltop positions,
starting with a pilot zone where the Lebanese army would deploy and take full control.
"""
