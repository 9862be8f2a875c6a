"""Measure how well web-page cleaning keeps content and drops boilerplate, against trafilatura and jusText.

Measurement-only installs (not citeqa dependencies; ``pip check`` stays clean with them)::

    .venv/bin/pip install trafilatura==2.3.1 justext==3.0.2

Run: ``.venv/bin/python -m citeqa.eval.html_cleaning [--out eval/HTML_CLEANING.md]``.

The pages below are written by hand to look like real sites (news, blog with comments, Sphinx docs,
shop, recipe, wiki, forum, GOV.UK-style notice, old table-less club site, FAQ, event page...). Each
text unit is labelled where it is written: ``[[c:...]]`` content, ``[[b:...]]`` boilerplate,
``[[k:...]]`` boilerplate of a cookie or consent banner. Labels follow the page's intent (what a
reader came for), never any extractor's output. Headings are not labelled: citeqa keeps them as
context, not as passages. Comment and forum posts, bylines, dates and references are content; site
chrome, related links, share and sign-up boxes, author blurbs and legal lines are boilerplate.

A unit is *kept* by a method when its text occurs, whole words, in the method's output after
NFKC, ``|`` (table cell separators differ between extractors) and whitespace runs are folded to one
space. The script checks that every unit occurs exactly once in citeqa's text layer of its page, so a
match cannot come from another unit or a heading.
"""

from __future__ import annotations

import argparse
import html
import importlib.metadata
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from citeqa.corpus.cleaning import LONG_LINE_WORDS, SENTENCE_MIN_WORDS, content_segments, is_content_line, word_count
from citeqa.corpus.plain_text import line_spans
from citeqa.corpus.reader import Document, read_layer

PAGES: dict[str, str] = {
"news": """<html><head><title>City council approves new tram line | The Daily Ledger</title></head><body>
<a class="skip-link" href="#main">[[b:Skip to main content]]</a>
<header class="site-header"><div class="logo">[[b:The Daily Ledger]]</div><nav><ul><li><a href="/">[[b:Front page]]</a></li><li><a href="/local">[[b:Local news]]</a></li><li><a href="/biz">[[b:Business desk]]</a></li></ul></nav><a href="/login">[[b:Sign in]]</a></header>
<main id="main"><article><h1>City council approves new tram line</h1><p class="byline">[[c:By Maria Keller, transport correspondent]]</p><time datetime="2024-03-04">[[c:4 March 2024]]</time>
<p>[[c:The city council voted 31 to 12 on Monday to build a 9.4-kilometre tram line from the central station to the university campus, the largest transport project in the city since the ring road was completed in 1987.]] [[c:Construction is expected to start in spring 2025.]]</p>
<figure><img src="tram.jpg" alt=""><figcaption>[[c:A test tram on the existing Line 2 near Market Square.]]</figcaption></figure>
<p>[[c:The project will cost an estimated 412 million euros, of which the national government has promised to pay 60 percent.]]</p>
<p>[[c:&#8220;This line will take 8,000 cars off the ring road every day,&#8221; said deputy mayor Tom Reiss.]]</p>
<h2>Opposition concerns</h2><p>[[c:Shop owners on Bridge Street fear two years of roadworks.]] [[c:The council has promised a compensation fund of 3 million euros.]]</p>
<div class="share-tools"><span>[[b:Share this article]]</span> <a href="#">[[b:Facebook]]</a> <a href="#">[[b:WhatsApp]]</a></div></article>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/a">[[b:Bus fares to rise by 10 percent in June]]</a></li><li><a href="/b">[[b:Ring road closure: what drivers need to know]]</a></li></ul></aside></main>
<footer><p>[[b:&copy; 2024 Ledger Media Group Ltd. All rights reserved.]]</p><a href="/privacy">[[b:Privacy policy]]</a> <a href="/terms">[[b:Terms of use]]</a></footer>
<div class="cc-window cc-banner cc-bottom" role="dialog" aria-label="cookieconsent"><span class="cc-message">[[k:This website uses cookies to ensure you get the best experience on our website.]] <a class="cc-link" href="/cookies">[[k:Learn more]]</a></span> <a class="cc-btn cc-dismiss">[[k:Got it!]]</a></div></body></html>""",
"blog_comments": """<html><head><title>Why our test suite got 3x faster &ndash; Tidy Bytes</title></head><body class="single"><div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">[[b:Tidy Bytes]]</a></p><p class="site-description">[[b:Notes on Python, testing and tooling]]</p>
<nav id="site-navigation" class="main-navigation"><ul><li><a href="/">[[b:Blog home]]</a></li><li><a href="/about">[[b:About me]]</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main"><article id="post-412" class="post-412 post type-post">
<header class="entry-header"><h1 class="entry-title">Why our test suite got 3x faster</h1><div class="entry-meta"><span class="posted-on">[[c:Posted on January 14, 2024]]</span> <span class="byline">[[c:by Ana Duarte]]</span></div></header>
<div class="entry-content"><p>[[c:Last month our CI pipeline took 41 minutes per run, and developers had started batching changes to avoid waiting, which meant bigger pull requests, slower reviews and more merge conflicts for everybody on the team.]]</p>
<p>[[c:We found three causes.]] [[c:Most of the time went into creating a fresh database for every test module.]]</p>
<ul><li>[[c:Reuse one database]]</li><li>[[c:Run tests in parallel]]</li><li>[[c:Cache the wheels]]</li></ul><p>[[c:After these changes a full run takes 13 minutes.]]</p></div>
<footer class="entry-footer"><span class="cat-links">[[b:Posted in Testing]]</span> <span class="tags-links">[[b:Tagged ci, pytest]]</span></footer></article>
<div class="author-bio"><p>[[b:Ana Duarte is a backend engineer who writes about testing and developer tooling.]]</p></div>
<nav class="navigation post-navigation"><a href="/prev">[[b:Previous post: Pinning dependencies]]</a> <a href="/next">[[b:Next post: Profiling imports]]</a></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on this post</h2><ol class="comment-list">
<li id="comment-88" class="comment even depth-1"><article class="comment-body"><footer class="comment-meta"><b class="fn">[[b:Lukas]]</b> <time>[[b:January 15, 2024 at 9:02 am]]</time></footer>
<div class="comment-content"><p>[[c:Did you try pytest-xdist with the loadgroup scheduler?]] [[c:It cut our runs by another 20 percent.]]</p></div><a class="comment-reply-link" href="#">[[b:Reply]]</a></article></li>
<li id="comment-91" class="comment odd depth-1"><article class="comment-body"><footer class="comment-meta"><b class="fn">[[b:Priya S.]]</b></footer><div class="comment-content"><p>[[c:Reusing the database broke our isolation until we wrapped each test in a transaction.]]</p></div></article></li></ol>
<div id="respond" class="comment-respond"><h3>Leave a comment</h3><form><p class="comment-notes">[[b:Your email address will not be published. Required fields are marked *]]</p><textarea></textarea><input type="submit" value="Post Comment"></form></div></div>
</main></div><aside id="secondary" class="widget-area"><section class="widget"><h2>Recent posts</h2><ul><li><a href="/x">[[b:Pinning dependencies without tears]]</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><a href="https://wordpress.org/">[[b:Proudly powered by WordPress]]</a></footer></div></body></html>""",
"docs": """<html><head><title>Configuration &mdash; fastqueue 2.1 documentation</title></head><body><div class="wy-grid-for-nav">
<nav class="wy-nav-side"><div class="wy-side-scroll"><div role="search"><form><input name="q" placeholder="Search docs"></form></div><div class="wy-menu wy-menu-vertical" role="navigation">
<ul><li class="toctree-l1"><a href="install.html">[[b:Installing fastqueue]]</a></li><li class="toctree-l1 current"><a href="#">[[b:Settings reference]]</a></li><li class="toctree-l1"><a href="api.html">[[b:API reference]]</a></li></ul></div></div></nav>
<section class="wy-nav-content-wrap"><div class="wy-nav-content"><div class="rst-content">
<div role="navigation" aria-label="breadcrumbs navigation"><ul class="wy-breadcrumbs"><li><a href="index.html">[[b:Docs home]]</a> &raquo;</li><li class="wy-breadcrumbs-aside"><a href="#">[[b:Edit on GitHub]]</a></li></ul></div>
<div role="main" class="document"><div class="section" id="configuration"><h1>Configuration</h1>
<p>[[c:fastqueue reads its settings from environment variables at start-up.]] [[c:Each one can also be set in a file passed with --config, and values from the environment win over values from the file.]] [[c:Unknown variables are ignored.]]</p>
<table class="docutils"><thead><tr>[[c:<th>Variable</th><th>Default</th><th>Meaning</th>]]</tr></thead><tbody><tr>[[c:<td>FQ_WORKERS</td><td>4</td><td>worker processes</td>]]</tr>
<tr>[[c:<td>FQ_TIMEOUT</td><td>30</td><td>seconds per job</td>]]</tr><tr>[[c:<td>FQ_BROKER</td><td>redis://localhost</td><td>broker URL</td>]]</tr></tbody></table>
<div class="admonition note"><p class="admonition-title">Note</p><p>[[c:Set FQ_TIMEOUT to 0 to disable timeouts.]]</p></div><h2>Example</h2>
<div class="highlight-python"><div class="highlight"><pre>[[c:<span class="kn">from</span> fastqueue <span class="kn">import</span> Queue]]
[[c:q = Queue(workers=8)]]
[[c:q.enqueue(send_email, user_id=42)]]</pre></div></div>
<p>[[c:Run the worker with:]]</p><div class="highlight-bash"><pre>[[c:fastqueue worker --config prod.env]]</pre></div></div></div>
<footer><div class="rst-footer-buttons" role="navigation"><a href="install.html" class="btn">[[b:Previous]]</a> <a href="api.html" class="btn">[[b:Next]]</a></div><hr>
<p>[[b:&copy; Copyright 2024, the fastqueue developers.]]</p>[[b:Built with Sphinx using a theme provided by Read the Docs.]]</footer></div></div></section></div></body></html>""",
"product": """<html><head><title>Colombia Huila Whole Bean Coffee 250 g &ndash; Bean &amp; Leaf</title></head><body>
<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="Cookie banner"><div id="onetrust-policy-text">[[k:We and our partners use cookies to personalise content and ads and to analyse our traffic.]] <a href="/cookie-policy">[[k:Cookie Policy]]</a></div>
<div id="onetrust-button-group"><button id="onetrust-accept-btn-handler">[[k:Accept All Cookies]]</button> <button id="onetrust-pc-btn-handler">[[k:Cookies Settings]]</button></div></div></div>
<div class="topbar"><span>[[b:Free delivery on orders over 30 &euro;]]</span></div>
<ol class="breadcrumb"><li><a href="/">[[b:Shop]]</a></li><li><a href="/coffee">[[b:Coffee beans]]</a></li><li>[[b:Single origin]]</li></ol>
<main class="product-main"><div class="product"><h1 class="product-title">Colombia Huila Whole Bean Coffee, 250 g</h1>
<p class="price">[[c:Price: 4.50 &euro;]]</p><p class="stock">[[c:In stock]]</p><div class="rating">[[c:4.6 out of 5 stars (212 reviews)]]</div>
<ul class="specs"><li>[[c:Roast: medium]]</li><li>[[c:Origin: Huila, Colombia]]</li><li>[[c:Process: washed]]</li><li>[[c:Notes: cherry, cocoa]]</li></ul>
<div class="description"><p>[[c:Grown at 1,700 metres by a cooperative of 60 smallholder farms, this coffee is sweet with a bright cherry acidity and a long cocoa finish that holds up in milk drinks as well as in filter.]]</p><p>[[c:Best within six weeks of roasting.]]</p></div>
<form class="add-to-cart"><label>[[b:Quantity]]</label> <input type="number" value="1"> <button>[[b:Add to basket]]</button></form>
<section class="reviews"><h2>Customer reviews</h2><div class="review"><p class="review-author">[[c:Helen R., verified buyer]]</p><p>[[c:Lovely as espresso, a bit sharp in a French press.]]</p></div></section></div>
<section class="carousel"><h2>Customers also bought</h2><ul><li><a href="/p/1">[[b:Ethiopia Yirgacheffe 250 g]]</a> <span>[[b:5.20 &euro;]]</span></li><li><a href="/p/2">[[b:Decaf Peru 250 g]]</a> <span>[[b:4.90 &euro;]]</span></li></ul></section></main>
<footer class="site-footer"><ul><li><a href="/ship">[[b:Shipping and returns]]</a></li><li><a href="/contact">[[b:Contact us]]</a></li></ul><p>[[b:All prices include VAT.]]</p></footer></body></html>""",
"recipe": """<html><head><title>Easy Red Lentil Soup - Hearth &amp; Pan</title></head><body>
<div class="gdpr-bar" id="gdpr"><p>[[k:We value your privacy. We use cookies to enhance your browsing experience and analyse our traffic.]]</p><button>[[k:Accept]]</button> <button>[[k:Reject]]</button></div>
<header><a href="/">[[b:Hearth &amp; Pan]]</a> <nav><a href="/recipes">[[b:All recipes]]</a> <a href="/quick">[[b:Quick dinners]]</a></nav></header>
<div class="wrap"><div class="entry"><h1>Easy Red Lentil Soup</h1><a class="wprm-recipe-jump" href="#recipe">[[b:Jump to Recipe]]</a>
<p>[[c:This soup is on our table every week in winter: it needs one pot, costs very little and is ready in 35 minutes, and it freezes well, so we usually make a double batch and keep half of it for busy evenings.]]</p><div class="ad-container"><span>[[b:Advertisement]]</span></div>
<p>[[c:Red lentils fall apart as they cook, so you do not need a blender.]]</p><div id="recipe" class="wprm-recipe-container"><div class="wprm-recipe"><h2>Red lentil soup</h2>
<div class="wprm-recipe-times"><span>[[c:Prep time: 10 minutes]]</span> <span>[[c:Cook time: 25 minutes]]</span> <span>[[c:Servings: 4]]</span></div>
<h3>Ingredients</h3><ul class="wprm-recipe-ingredients"><li>[[c:200 g red lentils]]</li><li>[[c:1 onion]]</li><li>[[c:2 carrots]]</li><li>[[c:1 tsp cumin]]</li><li>[[c:1 litre vegetable stock]]</li><li>[[c:Salt]]</li></ul>
<h3>Instructions</h3><ol class="wprm-recipe-instructions"><li>[[c:Chop the onion and carrots.]]</li><li>[[c:Fry them in oil for 5 minutes, then add the cumin.]]</li><li>[[c:Add the lentils and stock and simmer for 20 minutes.]]</li></ol>
<div class="wprm-recipe-rating">[[b:Rate this recipe]]</div><a class="wprm-print" href="#">[[b:Print Recipe]]</a></div></div></div></div>
<div role="dialog" aria-modal="true" class="popup-newsletter"><p>[[b:Get our best recipes delivered to your inbox every Friday, completely free.]]</p><input type="email"> <button>[[b:Count me in]]</button></div>
<footer><p>[[b:Copyright &copy; 2024 Hearth and Pan Ltd. As an Amazon Associate we earn from qualifying purchases.]]</p></footer></body></html>""",
"wiki": """<html><head><title>Lindenau (town) - Wikipedia</title></head><body class="mediawiki"><div id="mw-head"><nav id="p-personal"><ul><li><a>[[b:Create account]]</a></li><li><a>[[b:Log in]]</a></li></ul></nav></div>
<div id="content" class="mw-body" role="main"><h1 id="firstHeading">Lindenau (town)</h1><div id="bodyContent"><div id="siteSub">[[b:From Wikipedia, the free encyclopedia]]</div><div id="mw-content-text"><div class="mw-parser-output">
<table class="infobox vcard"><tbody><tr><th colspan="2" class="infobox-above">Lindenau</th></tr><tr>[[c:<th>Country</th><td>Germany</td>]]</tr><tr>[[c:<th>State</th><td>Saxony</td>]]</tr>
<tr>[[c:<th>Elevation</th><td>312 m (1,024 ft)</td>]]</tr><tr>[[c:<th>Population</th><td>52,300 (2022)</td>]]</tr><tr>[[c:<th>Postal code</th><td>04177</td>]]</tr></tbody></table>
<p>[[c:<b>Lindenau</b> is a town in the district of Leipzig, on the river Weiße Elster.]] [[c:It is known for its half-timbered market square, the Romanesque church of St. Nicholas and a cloth fair held every September since the fifteenth century.]] [[c:It was first mentioned in a charter of 1285.]]<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<div id="toc" class="toc" role="navigation"><h2>Contents</h2><ul><li><a href="#History">[[b:1 History of the town]]</a></li><li><a href="#Economy">[[b:2 Economy and transport]]</a></li></ul></div>
<h2><span class="mw-headline" id="History">History</span><span class="mw-editsection">[<a href="?action=edit">edit</a>]</span></h2>
<p>[[c:The town grew around a cloth market and received town rights in 1412.]] [[c:Its population doubled between 1871 and 1910, when a cotton mill opened.]]<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>
<h2><span class="mw-headline" id="Economy">Economy</span></h2><p>[[c:The largest employer is a bicycle factory with about 900 workers.]]</p>
<h2>References</h2><div class="reflist"><ol class="references"><li id="cite_note-1"><a href="#r1">^</a> [[c:M&uuml;ller, K. (2009). Geschichte der Stadt Lindenau. Leipzig: Sax-Verlag. p. 14.]]</li>
<li id="cite_note-2"><a href="#r2">^</a> [[c:&quot;<a class="external text" href="https://example.org">Bev&ouml;lkerung des Freistaates Sachsen</a>&quot;. Statistisches Landesamt Sachsen. 2023.]]</li></ol></div>
<div role="navigation" class="navbox"><table class="nowraplinks"><tr>[[b:<th>Towns in Leipzig district</th><td><a>Borna</a> &middot; <a>Grimma</a> &middot; <a>Markkleeberg</a> &middot; <a>Wurzen</a></td>]]</tr></table></div></div></div>
<div id="catlinks" class="catlinks"><a>Categories</a>: <ul><li><a>[[b:Towns in Saxony]]</a></li><li><a>[[b:Populated places established in the 13th century]]</a></li></ul></div></div></div>
<footer id="footer"><ul id="footer-info"><li>[[b:This page was last edited on 2 February 2024, at 10:15 (UTC).]]</li><li>[[b:Text is available under the Creative Commons Attribution-ShareAlike License 4.0; additional terms may apply.]]</li></ul>
<ul id="footer-places"><li><a>[[b:Privacy policy]]</a></li><li><a>[[b:About Wikipedia]]</a></li></ul></footer></body></html>""",
"forum": """<html><head><title>Raspberry Pi 5 will not boot from NVMe after update - Hardware - PiForum</title></head><body>
<header class="d-header"><div class="title"><a href="/">[[b:PiForum]]</a></div><div class="panel"><a class="login-button">[[b:Log In]]</a> <a>[[b:Sign Up]]</a></div></header>
<div id="main-outlet" class="wrap"><div id="topic-title"><h1><a href="/t/123">Raspberry Pi 5 will not boot from NVMe after update</a></h1><div class="topic-category"><a class="badge-category">[[b:Hardware]]</a></div></div><div class="post-stream">
<article id="post_1" class="boxed onscreen-post topic-post"><div class="topic-body"><div class="topic-meta-data"><span class="username">[[b:tinkerer_42]]</span> <span class="post-date">[[b:Mar 2]]</span></div>
<div class="regular contents"><div class="cooked"><p>[[c:After running apt full-upgrade my Pi 5 shows a rainbow screen and never boots from the NVMe drive, although the drive shows up fine in lsblk when I start from the SD card and mount it by hand.]] [[c:It still boots from the SD card.]]</p><pre><code>[[c:BOOT_ORDER=0xf416]]</code></pre></div>
<section class="post-menu-area"><nav class="post-controls"><button class="reply">[[b:Reply]]</button></nav></section></div></div></article>
<article id="post_2" class="boxed onscreen-post topic-post"><div class="topic-body"><div class="topic-meta-data"><span class="username">[[b:jdoe]]</span></div><div class="regular contents"><div class="cooked">
<p>[[c:Same here.]] [[c:Updating the bootloader fixed it:]]</p><pre><code>[[c:sudo rpi-eeprom-update -a]]
[[c:sudo reboot]]</code></pre><p>[[c:Then set PCIE_PROBE=1 in the EEPROM config.]]</p></div><div class="post-menu-area"><span class="like-count">[[b:3 Likes]]</span></div></div></div></article>
<article id="post_3" class="boxed onscreen-post topic-post"><div class="topic-body"><div class="regular contents"><div class="cooked"><p>[[c:Thanks, that worked!]]</p></div></div></div></article></div>
<div class="more-topics__container"><h3>Suggested Topics</h3><table class="topic-list"><tr>[[b:<td><a>Pi 4 USB boot is slow</a></td><td>12</td>]]</tr><tr>[[b:<td><a>Fan curve for the active cooler</a></td><td>7</td>]]</tr></table></div></div></body></html>""",
"gov_notice": """<html><head><title>Apply for a street party road closure - GOV.UK</title></head><body class="govuk-template__body">
<div class="govuk-cookie-banner" role="region" aria-label="Cookies on GOV.UK"><div class="govuk-cookie-banner__message govuk-width-container"><h2>Cookies on GOV.UK</h2><div class="govuk-cookie-banner__content">
<p class="govuk-body">[[k:We use some essential cookies to make this website work.]]</p><p class="govuk-body">[[k:We&#8217;d like to set additional cookies to understand how you use GOV.UK, remember your settings and improve government services.]]</p></div>
<div class="govuk-button-group"><button>[[k:Accept additional cookies]]</button> <button>[[k:Reject additional cookies]]</button> <a href="/help/cookies">[[k:View cookies]]</a></div></div></div>
<a href="#main-content" class="govuk-skip-link">[[b:Skip to main content]]</a><header class="govuk-header" role="banner"><div class="govuk-header__logo"><a>GOV.UK</a></div></header>
<div class="govuk-width-container"><div class="govuk-phase-banner"><p><strong class="govuk-tag">Beta</strong> <span>[[b:This is a new service &ndash; your feedback will help us to improve it.]]</span></p></div>
<div class="govuk-breadcrumbs"><ol><li><a>[[b:Home]]</a></li><li><a>[[b:Housing and local services]]</a></li></ol></div>
<main class="govuk-main-wrapper" id="main-content" role="main"><h1 class="govuk-heading-xl">Apply for a street party road closure</h1>
<p class="govuk-body-l">[[c:You must apply to your local council at least 4 weeks before the party if you want to close a road.]] [[c:The council checks that emergency services can still get through and may ask you to put up signs telling drivers about the closure a week before.]]</p>
<dl class="govuk-summary-list"><div class="govuk-summary-list__row">[[c:<dt>Closing date</dt><dd>30 April 2024</dd>]]</div><div class="govuk-summary-list__row">[[c:<dt>Fee</dt><dd>Free of charge</dd>]]</div></dl>
<h2>Who can apply</h2><p>[[c:Any resident can apply.]]</p><p>[[c:You do not need insurance, but the council recommends it.]]</p>
<h2>What you need</h2><ul class="govuk-list govuk-list--bullet"><li>[[c:a map of the road]]</li><li>[[c:the date and times]]</li><li>[[c:a contact phone number]]</li></ul>
<a href="/apply" role="button" class="govuk-button govuk-button--start">[[b:Start now]]</a><div class="govuk-inset-text">[[c:Contact your council if the road is a bus route.]]</div></main>
<div class="gem-c-feedback"><p>[[b:Is this page useful?]]</p><button>[[b:Yes this page is useful]]</button> <button>[[b:No this page is not useful]]</button> <button>[[b:Report a problem with this page]]</button></div></div>
<footer class="govuk-footer" role="contentinfo"><ul><li><a>[[b:Accessibility statement]]</a></li><li><a>[[b:Privacy notice]]</a></li></ul><span>[[b:All content is available under the Open Government Licence v3.0, except where otherwise stated]]</span> <a>[[b:&copy; Crown copyright]]</a></footer></body></html>""",
"magazine_dialog": """<html><head><title>The quiet comeback of the European hamster | Field Notes</title></head><body>
<div class="modal-overlay"><div class="modal" role="dialog" aria-labelledby="privacy-title"><h2 id="privacy-title">Your privacy</h2><p>[[k:We and 143 partners store and access information on your device to show personalised ads and measure audiences.]]</p>
<button class="btn-primary">[[k:I agree]]</button> <button class="btn-secondary">[[k:Manage options]]</button></div></div>
<div class="masthead"><a href="/" class="logo">Field Notes</a><ul class="menu-primary"><li><a>[[b:Wildlife]]</a></li><li><a>[[b:Climate]]</a></li></ul></div>
<div class="story"><h1>The quiet comeback of the European hamster</h1><p class="standfirst">[[c:Farmers in Alsace are leaving strips of wheat unharvested, and the hamsters are returning.]]</p>
<p class="meta">[[c:By Claire Martin]] &middot; [[c:12 June 2024]] &middot; [[b:6 min read]]</p><p>[[c:In 2012 fewer than 500 wild hamsters were counted in Alsace.]] [[c:Last summer surveyors found 1,900 burrows, most of them in fields where farmers had agreed to leave at least a fifth of their wheat standing until the autumn.]]</p>
<blockquote class="pullquote"><p>[[c:&#8220;We did not think we would see them again,&#8221; says biologist Julien Roth.]]</p></blockquote>
<p class="read-more"><strong>[[b:Read more:]]</strong> <a href="/x">[[b:Why Europe&#8217;s farmland birds are disappearing]]</a></p><p>[[c:The scheme pays farmers 1,200 euros per hectare of unharvested cereal.]]</p>
<div class="promo-box"><h3>The Field Notes letter</h3><p>[[b:Every Sunday, the week&#8217;s best nature writing in your inbox. Free, and you can leave at any time.]]</p><input type="email" placeholder="Your email"> <button>[[b:Sign me up]]</button></div>
<p>[[c:Similar strips are now being tested in the Netherlands and in Bavaria.]]</p></div>
<section class="more-stories"><h2>More from Field Notes</h2><div class="teaser"><a href="/y"><h3>Return of the lynx</h3></a><p>[[b:After two centuries, lynx are breeding again in the Palatinate Forest, and not everyone is pleased.]]</p></div>
<div class="teaser"><a href="/z"><h3>Counting bats with microphones</h3></a><p>[[b:A network of 300 detectors is mapping how bats use city parks at night.]]</p></div></section>
<div class="bottom"><p>[[b:Field Notes is published by Greenleaf Media Ltd, 12 Canal Street, Bristol.]]</p></div></body></html>""",
"plain_divs": """<html><head><title>Harwick Valley Model Railway Club</title></head><body>
<div id="c1" style="position:fixed;bottom:0"><div class="t">[[k:This site uses cookies. By continuing to use the site you agree to this.]]</div><div class="b"><a href="#" onclick="hide()">[[k:OK, close]]</a></div></div>
<div id="top"><div class="logo">[[b:Harwick Valley MRC]]</div><div class="links"><a href="index.html">[[b:Welcome]]</a> | <a href="layouts.html">[[b:Our layouts]]</a> | <a href="events.html">[[b:Events]]</a> | <a href="join.html">[[b:Join the club]]</a></div></div>
<div id="wrapper"><div id="left"><div class="box"><div class="boxhead">Members area</div><a href="login.php">[[b:Login]]</a><br><a href="forgot.php">[[b:Forgot password?]]</a></div></div>
<div id="middle"><div class="title">Annual exhibition 2024</div><div class="txt">[[c:Our annual exhibition takes place on Saturday 19 October in St Mary&#8217;s Church Hall, Harwick.]]</div>
<div class="txt">[[c:Doors open at 10:00 and close at 16:30.]] [[c:Entry is 5 pounds for adults; children under 12 go free.]]</div>
<div class="txt">[[c:Twelve layouts will be on show, including our new 00 gauge layout of Harwick station in 1958, which took members four years to build and has more than 300 hand-made trees and 40 working signals.]]</div>
<div class="txt">[[c:<b>Parking:</b> on-site, free]]</div><div class="txt">[[c:Refreshments by the 1st Harwick Scouts.]]</div><div class="txt">[[c:Club nights are every Tuesday from 19:30.]]</div></div>
<div id="right"><div class="boxhead">Latest news</div><div class="news">[[b:New members welcome - see the Join page.]]</div></div></div>
<div id="bottom">[[b:Copyright 2009-2024 Harwick Valley Model Railway Club]] | <a href="privacy.html">[[b:Privacy]]</a> | <a href="contact.html">[[b:Contact the webmaster]]</a></div><div class="counter">[[b:Visitors: 104,233]]</div></body></html>""",
"article_header": """<html><head><title>Inside the last typewriter repair shop in Lyon | Slow Journal</title></head><body>
<header class="site-header"><a href="/" class="brand">Slow Journal</a> <nav><a href="/issues">[[b:Back issues]]</a> <a href="/shop">[[b:Print shop]]</a></nav></header>
<main><article class="post"><header class="post-header"><p class="kicker">Crafts</p><h1>Inside the last typewriter repair shop in Lyon</h1>
<p class="dek">[[c:G&eacute;rard Vial has repaired typewriters since 1974, and his waiting list is now eight months long.]]</p><p class="author">[[c:Words by In&egrave;s Moreau]]</p></header>
<div class="post-body"><p>[[c:The shop on Rue Merci&egrave;re is four metres wide.]] [[c:Shelves hold about 300 machines, most of them Olivettis waiting for parts that Vial orders from collectors in Italy and Germany or takes from broken machines found at flea markets.]]</p><p>[[c:A full service costs 180 euros and takes two days.]]</p>
<p>[[c:&#8220;People think it is nostalgia,&#8221; Vial says.]] [[c:&#8220;It is not. A typewriter does not send notifications.&#8221;]]</p></div>
<footer class="post-footer"><p>[[b:Filed under: Crafts, Lyon, Portraits]]</p></footer></article></main>
<footer><p>[[b:Slow Journal is reader-funded. Become a member from 5 euros a month.]]</p></footer></body></html>""",
"page_header_lede": """<html><head><title>Release notes: Tern 3.0</title></head><body><div class="container">
<header><nav><a href="/">[[b:Tern project]]</a> <a href="/docs">[[b:Documentation]]</a> <a href="/blog">[[b:Project blog]]</a></nav><h1>Tern 3.0 released</h1>
<p class="lede">[[c:Tern 3.0 drops Python 3.8, adds a streaming parser and is twice as fast on large files.]]</p><p class="date">[[c:Released 2 May 2024]]</p></header>
<div class="content"><h2>Breaking changes</h2><ul><li>[[c:Python 3.9 or newer is required.]]</li><li>[[c:The <code>load_all</code> function was removed; use <code>iter_load</code>.]]</li></ul>
<h2>New features</h2><ul><li>[[c:Streaming parser]]</li><li>[[c:Type stubs]]</li><li>[[c:Faster YAML dumping]]</li></ul>
<h2>Benchmarks</h2><table><tr>[[c:<th>File size</th><th>Tern 2.4</th><th>Tern 3.0</th>]]</tr><tr>[[c:<td>1 MB</td><td>0.41 s</td><td>0.19 s</td>]]</tr><tr>[[c:<td>100 MB</td><td>44 s</td><td>21 s</td>]]</tr></table>
<p>[[c:Upgrade with:]]</p><pre>[[c:pip install --upgrade tern]]</pre>
<div class="pagination"><a href="/blog/2.4">[[b:&laquo; Tern 2.4 released]]</a> <a href="/blog/page/2">[[b:Older posts &raquo;]]</a></div></div>
<footer><p>[[b:Tern is released under the MIT licence. Site built with Hugo.]]</p></footer></div></body></html>""",
"data_table": """<html><head><title>Monthly climate summary 2023 &ndash; Oakridge weather station</title></head><body>
<section class="sc-k9d2 fixed-b" aria-label="Privacy notice"><p>[[k:We use cookies and similar technologies to measure how our site is used.]]</p><button>[[k:Allow all]]</button> <button>[[k:Necessary only]]</button></section>
<div id="menu"><a href="/">[[b:Station home]]</a> <a href="/live">[[b:Live data]]</a> <a href="/archive">[[b:Archive]]</a></div>
<div id="main-content"><h1>Monthly climate summary 2023</h1><p>[[c:Station: Oakridge (ID 04127)]]</p><p>[[c:Elevation: 212 m]]</p>
<table class="data"><thead><tr>[[c:<th>Month</th><th>Mean temp (&deg;C)</th><th>Rain (mm)</th><th>Sunshine (h)</th>]]</tr></thead><tbody>
<tr>[[c:<td>Jan</td><td>2.1</td><td>78</td><td>41</td>]]</tr><tr>[[c:<td>Feb</td><td>3.4</td><td>55</td><td>72</td>]]</tr><tr>[[c:<td>Mar</td><td>6.0</td><td>61</td><td>110</td>]]</tr>
<tr>[[c:<td>Apr</td><td>8.9</td><td>47</td><td>152</td>]]</tr><tr>[[c:<td>May</td><td>12.7</td><td>52</td><td>201</td>]]</tr><tr>[[c:<td>Jun</td><td>16.2</td><td>39</td><td>224</td>]]</tr></tbody>
<tfoot><tr>[[c:<td>Jan&ndash;Jun</td><td>8.2</td><td>332</td><td>800</td>]]</tr></tfoot></table><p class="note">[[c:Values for June are provisional.]]</p>
<p class="downloads"><a href="s.csv">[[b:Download CSV]]</a> <a href="s.json">[[b:Download JSON]]</a></p></div>
<div id="footer">[[b:Data &copy; Oakridge Amateur Weather Society, CC BY 4.0]]</div></body></html>""",
"faq": """<html><head><title>Shipping FAQ &ndash; Help centre &ndash; Nordlys Outdoor</title></head><body>
<header role="banner"><a href="/">Nordlys Outdoor</a> <form role="search"><input placeholder="Search help articles"></form></header>
<nav aria-label="Breadcrumb"><ol><li><a>[[b:Help centre]]</a></li><li><a>[[b:Orders and shipping]]</a></li></ol></nav><main><h1>Shipping FAQ</h1>
<details><summary>[[c:Do you ship to Norway?]]</summary><p>[[c:Yes, within 3-5 working days.]]</p></details>
<details><summary>[[c:How much is shipping?]]</summary><p>[[c:Shipping costs 49 NOK.]] [[c:Orders over 800 NOK ship free.]]</p></details>
<details><summary>[[c:Can I return sale items?]]</summary><p>[[c:No, sale items are final.]]</p></details>
<details><summary>[[c:Which carrier do you use?]]</summary><p>[[c:Posten Bring for parcels, PostNord for letters.]]</p></details>
<p class="helpful">[[b:Was this article helpful?]] <button>[[b:Yes, it helped]]</button> <button>[[b:Not really]]</button></p><p>[[b:Still need help?]] <a>[[b:Contact our support team]]</a></p></main>
<div class="chat-widget" role="complementary"><p>[[b:Hi! Questions? Chat with us, we reply within minutes.]]</p></div>
<footer><p>[[b:Nordlys Outdoor AS, Storgata 1, 0155 Oslo, org. nr. 912 345 678]]</p></footer></body></html>""",
"event": """<html><head><title>Jazz at the Old Mill &ndash; Millbrook Arts Centre</title></head><body>
<div class="top-nav" role="navigation"><a>[[b:What&#8217;s on]]</a> <a>[[b:Visit us]]</a> <a>[[b:Support us]]</a></div>
<main id="content"><div class="event"><h1>Jazz at the Old Mill: The Ria Okafor Quartet</h1>
<div class="event-facts"><div>[[c:Date: Friday 15 November 2024]]</div><div>[[c:Time: 19:30&ndash;22:00]]</div><div>[[c:Venue: The Old Mill, Millbrook]]</div><div>[[c:Tickets: &pound;14, concessions &pound;10]]</div><div>[[c:Running time: 2 hours including interval]]</div></div>
<p>[[c:Saxophonist Ria Okafor brings her quartet to the Old Mill for an evening of original compositions and Ellington standards, after the release of their second album, recorded live at the Vortex in London last spring.]]</p><p>[[c:The venue is step-free.]]</p>
<a class="btn" href="/book">[[b:Book tickets]]</a><ul class="share-buttons"><li><button>[[b:Share on Facebook]]</button></li><li><button>[[b:Share on X]]</button></li><li><button>[[b:Copy link]]</button></li></ul></div>
<div class="event-list"><h2>Also coming up</h2><ul><li><a>[[b:Folk Night]]</a> &ndash; [[b:22 November]]</li><li><a>[[b:Winter Poetry Slam]]</a> &ndash; [[b:6 December]]</li></ul>
<div class="pager"><a>1</a> <a>2</a> <a>[[b:Next page]]</a></div></div></main>
<footer role="contentinfo"><p>[[b:Millbrook Arts Centre is a registered charity, number 1098765.]]</p></footer></body></html>""",
"tech_news": """<html><head><title>Linux 6.9 adds support for two RISC-V boards | Kernel Weekly</title></head><body>
<div id="cookie-law-info-bar" data-nosnippet="true"><span>[[k:This website uses cookies to improve your experience. We&#8217;ll assume you&#8217;re ok with this, but you can opt-out if you wish.]] <a role="button">[[k:Accept]]</a> <a>[[k:Read More]]</a></span></div>
<div class="site-branding"><a>Kernel Weekly</a></div><div id="primary"><main id="main"><article><h1>Linux 6.9 adds support for two RISC-V boards</h1>
<div class="toc"><p>[[b:Contents]]</p><ul><li><a href="#a">What changed</a></li><li><a href="#b">How to try it</a></li></ul></div>
<p>[[c:Linus Torvalds released Linux 6.9 on Sunday after a quiet rc7.]] [[c:The release adds device trees for two RISC-V boards:]]</p><ul><li>[[c:Pine64 Star64]]</li><li>[[c:VisionFive 2]]</li></ul>
<h2 id="a">What changed</h2><p>[[c:The boards boot to a shell with upstream firmware, but the GPU and video decoder still need out-of-tree drivers, so for now they suit headless servers and build machines better than desktops.]]</p>
<blockquote><p>[[c:&#8220;This is a quiet release, and I like quiet,&#8221; Torvalds wrote.]]</p></blockquote>
<div class="newsletter-signup"><p>[[b:Get the weekly digest of kernel news, straight to your inbox. No spam, ever.]]</p><form><input type="email"> <button>[[b:Join the list]]</button></form></div>
<h2 id="b">How to try it</h2><p>[[c:Fedora Rawhide already ships the new kernel.]]</p><div class="tags">[[b:Tags: RISC-V, kernel, releases]]</div>
<div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a>[[b:Share on Mastodon]]</a></li><li><a>[[b:Share on Reddit]]</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p><a>[[b:Linux 6.8 brings new Intel Xe driver]]</a></p><p>[[b:The new driver replaces i915 for Lunar Lake graphics, with better power management.]]</p></div></article></main></div>
<div class="site-info">[[b:Kernel Weekly is an independent publication. Proudly powered by WordPress.]]</div></body></html>""",
"table_layout_club": """<HTML><HEAD><TITLE>Millbrook Model Railway Club</TITLE></HEAD><BODY BGCOLOR="#FFFFFF">
<TABLE WIDTH="100%" BORDER=0><TR><TD WIDTH="20%" VALIGN=TOP><A HREF="index.html">[[b:Club home]]</A><BR><A HREF="layout.html">[[b:Our layouts]]</A><BR><A HREF="links.html">[[b:Other clubs]]</A></TD>
<TD VALIGN=TOP><FONT FACE="Arial" SIZE=4><B>[[c:Welcome to the Millbrook club pages!]]</B></FONT><P>
[[c:The club has been building its OO gauge layout in the old signal box since 1994.]] [[c:It is 4 metres long and has three stations, a viaduct and a small engine shed.]]<P>
[[c:Members meet every second Tuesday at the village hall from 19:30.]]
<P>[[c:Locomotives: 12]]<BR>[[c:Wagons: about 60]]
<TABLE BORDER=1><TR>[[c:<TD>Class 37</TD><TD>bought 1994</TD>]]</TR><TR>[[c:<TD>Class 47</TD><TD>bought 2001</TD>]]</TR></TABLE>
</TD></TR></TABLE><CENTER><FONT SIZE=1>[[b:You are visitor number 004211.]] [[b:Page last changed 12/03/1999.]]</FONT></CENTER></BODY></HTML>""",
}


@dataclass(frozen=True)
class Page:
    """A generated page: its HTML and its hand-labelled units (normalised text, see :func:`normalize`);
    ``cookie`` is the part of ``boilerplate`` that belongs to a cookie or consent banner."""

    name: str
    html: str
    content: tuple[str, ...]
    boilerplate: tuple[str, ...]
    cookie: tuple[str, ...]


_MARK = re.compile(r"\[\[([cbk]):(.*?)\]\]", re.S)
_WS = re.compile(r"[\s|]+")


def normalize(text: str) -> str:
    """NFKC, then every run of whitespace and ``|`` to one space, stripped (matching only)."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def build_page(name: str, marked: str) -> Page:
    """Strip the ``[[c:...]]`` marks from ``marked`` and collect the labelled units' visible text."""
    units: dict[str, list[str]] = {"c": [], "b": [], "k": []}
    for mark in _MARK.finditer(marked):
        inner = re.sub(r"</t[dh]>|</dt>", " | ", mark[2])  # cells and terms stay apart
        units[mark[1]].append(normalize(html.unescape(re.sub(r"<[^>]+>", "", inner))))
    return Page(name, _MARK.sub(lambda m: m[2], marked), tuple(units["c"]), tuple(units["b"] + units["k"]),
                tuple(units["k"]))


def occurrences(unit: str, haystack: str) -> int:
    """Whole-word occurrences of a normalised unit in a normalised text."""
    return len(re.findall(rf"(?<!\w){re.escape(unit)}(?!\w)", haystack))


def citeqa_document(page: Page) -> Document:
    """The page read by citeqa's own reader, as the corpus would read it."""
    layer, encoding = read_layer(page.html.encode("utf-8"), "html")
    return Document(f"{page.name}.html", "html", layer, "0", 0, encoding)


def _overlaps(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def citeqa_segments(page: Page, doc: Document) -> list[str]:
    """(a) citeqa as it is: the content segments."""
    return [doc.text[s:e] for s, e in content_segments(doc)]


def citeqa_structure(page: Page, doc: Document) -> list[str]:
    """(b) Structure marks only: every line outside ``layer.boilerplate``."""
    return [doc.text[s:e] for s, e in line_spans(doc.text) if not _overlaps(doc.layer.boilerplate, s, e)]


def citeqa_lines(page: Page, doc: Document) -> list[str]:
    """(c) Line rules only: every line of the text layer that :func:`is_content_line` accepts."""
    return [doc.text[s:e] for s, e in line_spans(doc.text) if is_content_line(doc.text[s:e])]


def _trafilatura(page: Page, favor_recall: bool) -> list[str]:
    import trafilatura

    out = trafilatura.extract(page.html, include_tables=True, favor_recall=favor_recall)
    return (out or "").splitlines()


def _justext(page: Page) -> list[str]:
    import justext  # type: ignore[import-untyped]

    paragraphs = justext.justext(page.html.encode("utf-8"), justext.get_stoplist("English"))
    return [p.text for p in paragraphs if not p.is_boilerplate]


Method = Callable[[Page, Document], list[str]]
METHODS: dict[str, Method] = {
    "(a) citeqa content_segments": citeqa_segments,
    "(b) citeqa structure only": citeqa_structure,
    "(c) citeqa line rules only": citeqa_lines,
    "(d) trafilatura": lambda p, d: _trafilatura(p, False),
    "(d') trafilatura favor_recall": lambda p, d: _trafilatura(p, True),
    "(e) jusText": lambda p, d: _justext(p),
}
MAPPED = ("(d) trafilatura", "(d') trafilatura favor_recall", "(e) jusText")


@dataclass(frozen=True)
class Score:
    """One method on one page: the content units kept, the boilerplate units kept, output lines."""

    kept_content: tuple[str, ...]
    kept_boilerplate: tuple[str, ...]
    lines: tuple[str, ...]


def score(page: Page, output: list[str]) -> Score:
    """Which labelled units occur in a method's output (blocks joined by a space)."""
    haystack = normalize(" ".join(output))

    def kept(units: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(u for u in units if occurrences(u, haystack))

    return Score(kept(page.content), kept(page.boilerplate), tuple(x.strip() for x in output if x.strip()))


def sound_units(page: Page, doc: Document) -> Page:
    """The page with only the units that occur exactly once in its text layer: a unit found twice
    or never ("by", a word inside a longer unit) cannot say whether a method kept *it*."""
    text = normalize(doc.text)

    def keep(units: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(u for u in units if occurrences(u, text) == 1)

    return Page(page.name, page.html, keep(page.content), keep(page.boilerplate), keep(page.cookie))


def _element_of(page: Page, unit: str) -> LexborNode | None:
    """The innermost element whose visible text holds the unit."""
    body = LexborHTMLParser(page.html).body
    found = None
    for node in body.traverse() if body is not None else ():
        if node.tag and not node.tag.startswith("-") and occurrences(unit, normalize(node.text(deep=True))):
            found = node
    return found


def _describe(node: LexborNode) -> str:
    attrs = " ".join(f'{k}="{v}"' for k, v in node.attributes.items() if k in ("id", "class", "role"))
    return f"<{node.tag}{' ' + attrs if attrs else ''}>"


def diagnose(page: Page, doc: Document, unit: str) -> str:
    """Say which citeqa rule dropped a content unit or let a boilerplate unit through."""
    pattern = r"(?:\s|\|)+".join(re.escape(w) for w in unit.split(" "))
    found = re.search(pattern, unicodedata.normalize("NFKC", doc.text))
    if found is None:
        return "not located"
    spans = [(s, e) for s, e in line_spans(doc.text) if s < found.end() and found.start() < e]
    line = doc.text[spans[0][0]:spans[0][1]]
    node = _element_of(page, unit)
    chain = []
    while node is not None and node.tag not in ("body", "html"):
        chain.append(_describe(node))
        node = node.parent
    where = " < ".join(chain[:4])
    if _overlaps(doc.layer.boilerplate, *spans[0]):
        return f"structure: boilerplate span (inside {where})"
    if _overlaps(doc.layer.structured, *spans[0]):
        return f"structure: structured line kept whatever its text (inside {where})"
    verdict = "passes" if is_content_line(line) else "fails"
    return (f"line rule {verdict}: {line.strip()[:80]!r} has {word_count(line)} words (content needs >= "
            f"{LONG_LINE_WORDS}, or >= {SENTENCE_MIN_WORDS} and a sentence end)")


def _pct(kept: int, total: int) -> str:
    return f"{kept / total:.2f}" if total else "–"


def report(pages: list[Page], argv: list[str]) -> str:
    """Score every method on every page and write the Markdown report."""
    docs = {p.name: citeqa_document(p) for p in pages}
    labelled = sum(len(p.content) + len(p.boilerplate) for p in pages)
    pages = [sound_units(p, docs[p.name]) for p in pages]
    excluded = labelled - sum(len(p.content) + len(p.boilerplate) for p in pages)
    scores = {m: {p.name: score(p, f(p, docs[p.name])) for p in pages} for m, f in METHODS.items()}
    versions = ", ".join(f"{d} {importlib.metadata.version(d)}" for d in ("selectolax", "trafilatura", "jusText", "lxml"))
    n_c, n_b = sum(len(p.content) for p in pages), sum(len(p.boilerplate) for p in pages)
    n_cookie = sum(1 for p in pages if p.cookie)
    out = [
        "# Web-page cleaning: content kept, boilerplate dropped", "",
        f"Made by `{' '.join(argv)}` (Python {sys.version.split()[0]}; {versions}).", "",
        f"{len(pages)} hand-written pages ({', '.join(p.name for p in pages)}), {n_c} content units and {n_b} "
        f"boilerplate units labelled by hand (a unit is a sentence, list item, "
        f"table row or code line; headings are not labelled). *Content recall*: share of content units whose "
        f"text occurs in what the method keeps; *boilerplate removal*: share of boilerplate units it does not "
        f"keep (both after NFKC and folding whitespace and `|`). *Cookie pages*: pages (of {n_cookie} with a "
        f"cookie or consent banner) where any banner text is kept. *Verbatim lines*: share of the method's "
        f"output lines found verbatim in citeqa's text layer (whitespace-folded share in brackets). "
        f"{excluded} labelled units that occur more than once (or not as whole words) in the page's text "
        f"are left out of the counts.", "",
        "| method | content recall | boilerplate removal | cookie pages kept | verbatim lines |",
        "|---|---|---|---|---|",
    ]
    for method, per_page in scores.items():
        kc = sum(len(s.kept_content) for s in per_page.values())
        kb = sum(len(s.kept_boilerplate) for s in per_page.values())
        cookies = sum(1 for p in pages if set(per_page[p.name].kept_boilerplate) & set(p.cookie))
        mapped = "–"
        if method in MAPPED:
            lines = [(ln, docs[p]) for p, s in per_page.items() for ln in s.lines]
            exact = sum(1 for ln, d in lines if ln in d.text)
            folded = sum(1 for ln, d in lines if normalize(ln) in normalize(d.text))
            mapped = f"{_pct(exact, len(lines))} ({_pct(folded, len(lines))}) of {len(lines)}"
        out.append(f"| {method} | {_pct(kc, n_c)} ({kc}/{n_c}) | {_pct(n_b - kb, n_b)} ({n_b - kb}/{n_b}) "
                   f"| {cookies}/{n_cookie} | {mapped} |")
    out += ["", "Per page, content recall / boilerplate removal:", "",
            "| page | units c/b | " + " | ".join(m.split(" ", 1)[0] for m in METHODS) + " |",
            "|---|---|" + "---|" * len(METHODS)]
    for p in pages:
        cells = [f"{_pct(len(scores[m][p.name].kept_content), len(p.content))} / "
                 f"{_pct(len(p.boilerplate) - len(scores[m][p.name].kept_boilerplate), len(p.boilerplate))}"
                 for m in METHODS]
        out.append(f"| {p.name} | {len(p.content)}/{len(p.boilerplate)} | " + " | ".join(cells) + " |")
    out += ["", "## Misses of (a) citeqa content_segments", "",
            "Each with the rule that decided it, diagnosed from citeqa's text layer and the page's markup.", ""]
    for p in pages:
        s, doc = scores["(a) citeqa content_segments"][p.name], docs[p.name]
        dropped = [u for u in p.content if u not in s.kept_content]
        if not dropped and not s.kept_boilerplate:
            continue
        out.append(f"**{p.name}**")
        out += [f"- content dropped: \"{u}\" — {diagnose(p, doc, u)}" for u in dropped]
        out += [f"- boilerplate kept{' (cookie banner)' if u in p.cookie else ''}: \"{u}\" — {diagnose(p, doc, u)}"
                for u in s.kept_boilerplate]
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    """Print the report and write it (with a conclusion kept from an existing file) to ``--out``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=None, help="write the Markdown report here too")
    parser.add_argument("--pages", choices=["tuned", "heldout"], default="tuned",
                        help="tuned: the pages the rules were chosen on (this file); heldout: pages written "
                             "without knowledge of the rules (eval/html_pages_heldout.py), for the figures")
    args = parser.parse_args(argv)
    if args.pages == "heldout":
        from citeqa.eval.html_pages_heldout import PAGES as source
    else:
        source = PAGES
    pages = [build_page(name, marked) for name, marked in source.items()]
    text = report(pages, [".venv/bin/python -m citeqa.eval.html_cleaning", *(sys.argv[1:] if argv is None else argv)])
    print(text)
    if args.out is not None:
        previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        conclusion = previous[previous.find("## Conclusion"):] if "## Conclusion" in previous else ""
        args.out.write_text(text + ("\n" + conclusion if conclusion else "\n"), encoding="utf-8")


if __name__ == "__main__":
    main()
