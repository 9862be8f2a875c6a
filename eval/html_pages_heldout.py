r"""Held-out HTML pages for evaluating the web-page boilerplate remover.

Twenty hand-written but realistic pages that imitate the markup real sites
generate: a WordPress (GeneratePress) travel blog, a Ghost post, a Medium-like
article, BBC-style news, a local newspaper (BLOX CMS) with ad slots, a
MediaWiki (Vector 2022) article, a Discourse thread, a Shopify (Dawn) product
page, a Sphinx/Read the Docs page, a Stack Exchange question, a recipe post
with a JSON-LD block (WP Recipe Maker), a GOV.UK-style guidance page, a Drupal
university department page, a 1990s table-layout homepage, a SaaS pricing page,
an MkDocs Material changelog, a museum exhibition page, a podcast episode page
with show notes, an event listing and a terms-of-service page.  They carry
real-world clutter (menus, mega-menus, breadcrumbs, share bars, related and
"more from" blocks, newsletter boxes, ad slots, author boxes, footers) and
consent banners in the markup of Cookiebot, OneTrust, Quantcast Choice,
Didomi, Osano, CookieYes, iubenda, TrustArc, Complianz, Shopify, GOV.UK,
MkDocs Material, and custom banners, one with no telling class names.

Every visible text unit is labelled inline where it is written:

    [[c:...]]  content (what a reader came for: article text, main tables and
               lists, captions, article bylines/dates, Q&A/forum/comment posts)
    [[b:...]]  boilerplate (site chrome: navigation, footers, related links,
               share and sign-up boxes, ads, author blurbs, legal lines)
    [[k:...]]  text of a cookie or consent banner/dialog

A marker wraps text only, or the cells of one whole table row
(``<tr>[[c:<td>Adult</td><td>12 €</td>]]</tr>``).  Headings (h1-h6) and
<title> are not labelled.  Label texts are unique within a page.  To get the
plain HTML, strip the markers with
``re.sub(r"\[\[[cbk]:(.*?)\]\]", r"\1", page, flags=re.S)``.

This is a HELD-OUT set.  The pages and labels were written from the intent of
each page, without reading the cleaning rules or their notes, so they are
independent of the rules under test.  Use them only to measure a finished
rule set; never look at results on them to choose, tune or debug rules.
"""

PAGES: dict[str, str] = {
    "wordpress_travel_blog": r"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Three Days on the Rota Vicentina: A Walking Guide &#8211; Slow Miles</title>
<link rel='stylesheet' id='generate-style-css' href='https://slowmiles.blog/wp-content/themes/generatepress/assets/css/main.min.css?ver=3.3.1' media='all' />
<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="8c1f4a2e-0000-4d2a-9d55-1a2b3c4d5e6f" type="text/javascript" async></script>
<style id='generate-style-inline-css'>body{background-color:#f7f5f2;color:#222;}.site-header{background:#fff}</style>
</head>
<body class="post-template-default single single-post postid-2841 single-format-standard wp-embed-responsive right-sidebar nav-float-right">
<a class="screen-reader-text skip-link" href="#content" title="Skip to content">[[b:Skip to content]]</a>
<header class="site-header has-inline-mobile-toggle" id="masthead" aria-label="Site">
  <div class="inside-header grid-container">
    <div class="site-branding"><p class="main-title" itemprop="headline"><a href="https://slowmiles.blog/" rel="home">[[b:Slow Miles]]</a></p><p class="site-description">[[b:Long walks, small towns, good bread]]</p></div>
    <nav class="main-navigation sub-menu-right" id="site-navigation" aria-label="Primary">
      <div class="inside-navigation grid-container">
        <button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false"><span class="mobile-menu">[[b:Menu]]</span></button>
        <div id="primary-menu" class="main-nav"><ul id="menu-main" class="menu sf-menu">
          <li id="menu-item-12" class="menu-item menu-item-type-custom menu-item-has-children"><a href="/destinations/">[[b:Destinations]]</a>
            <ul class="sub-menu">
              <li class="menu-item"><a href="/destinations/portugal/">[[b:Portugal]]</a></li>
              <li class="menu-item"><a href="/destinations/spain/">[[b:Spain]]</a></li>
              <li class="menu-item"><a href="/destinations/italy/">[[b:Italy]]</a></li>
            </ul></li>
          <li class="menu-item"><a href="/trail-guides/">[[b:Trail Guides]]</a></li>
          <li class="menu-item"><a href="/gear/">[[b:Gear]]</a></li>
          <li class="menu-item"><a href="/about/">[[b:About]]</a></li>
        </ul></div>
      </div>
    </nav>
  </div>
</header>
<div class="site grid-container container hfeed" id="page">
<div class="site-content" id="content">
<div class="content-area" id="primary"><main class="site-main" id="main">
<article id="post-2841" class="post-2841 post type-post status-publish format-standard has-post-thumbnail category-portugal tag-hiking tag-alentejo" itemtype="https://schema.org/CreativeWork" itemscope>
<div class="inside-article">
  <header class="entry-header">
    <h1 class="entry-title" itemprop="headline">Three Days on the Rota Vicentina: A Walking Guide</h1>
    <div class="entry-meta">
      <span class="posted-on"><time class="entry-date published" datetime="2024-04-18T08:12:44+01:00" itemprop="datePublished">[[c:April 18, 2024]]</time></span> <span class="byline">[[c:by ]]<span class="author vcard" itemprop="author"><a class="url fn n" href="/author/ines/" rel="author"><span class="author-name" itemprop="name">[[c:Inês Carvalho]]</span></a></span></span>
      <span class="span-reading-time rt-reading-time"><span class="rt-label rt-prefix">[[b:Reading Time:]]</span> <span class="rt-time">[[b:7 minutes]]</span></span>
    </div>
  </header>
  <div class="featured-image page-header-image-single"><figure class="wp-block-image"><img width="1200" height="800" src="/wp-content/uploads/2024/04/odeceixe-beach.jpg" alt="Odeceixe beach from the cliff path" loading="lazy"><figcaption class="wp-element-caption">[[c:The cliff path drops to Odeceixe beach at the end of day two.]]</figcaption></figure></div>
  <div class="entry-content" itemprop="text">
    <p>[[c:The Fishermen's Trail hugs the Atlantic coast of the Alentejo for about 75 kilometres. We walked the northern half in three unhurried days in late March, carrying only day packs and sending our bags ahead with a local taxi service.]]</p>
    <p>[[c:Sand is the thing nobody warns you about. Long stretches are soft dune track, and two hours of it feels like four on firm ground. Plan shorter distances than you normally would.]]</p>
    <h2 class="wp-block-heading">The stages we walked</h2>
    <figure class="wp-block-table is-style-stripes"><table><thead><tr>[[c:<th>Day</th><th>Route</th><th>Distance</th><th>Time</th>]]</tr></thead><tbody>
      <tr>[[c:<td>1</td><td>Porto Covo – Vila Nova de Milfontes</td><td>20 km</td><td>6 h 30</td>]]</tr>
      <tr>[[c:<td>2</td><td>Vila Nova de Milfontes – Almograve</td><td>15 km</td><td>4 h 45</td>]]</tr>
      <tr>[[c:<td>3</td><td>Almograve – Zambujeira do Mar</td><td>22 km</td><td>7 h</td>]]</tr>
    </tbody></table><figcaption class="wp-element-caption">[[c:Times include stops; we are not fast walkers.]]</figcaption></figure>
    <h2 class="wp-block-heading">What we packed</h2>
    <ul class="wp-block-list">
      <li>[[c:Trail runners, not boots]]</li>
      <li>[[c:Two litres of water]]</li>
      <li>[[c:Sun hat]]</li>
      <li>[[c:Light windproof jacket]]</li>
      <li>[[c:Blister plasters]]</li>
    </ul>
    <p>[[c:Water is the real constraint on day three: there is no café between Cavaleiro and Zambujeira, so fill up before leaving Almograve.]]</p>
    <div class="wp-block-group has-pale-cyan-blue-background-color"><div class="wp-block-group__inner-container">
      <p><strong>[[c:Good to know:]]</strong></p>
      <p>[[c:Luggage transfer: 15 € per bag per stage]]<br>[[c:Best months: March to May, late September to October]]<br>[[c:Trail markings: green and blue stripes]]</p>
    </div></div>
    <p>[[c:We stayed in small guesthouses booked a week ahead; in high season you would want to book much earlier.]]</p>
  </div>
  <div class="code-block code-block-4" style="margin: 8px auto; text-align: center; display: block; clear: both;"><div class="adsbygoogle-label">[[b:Advertisement]]</div><ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-1234567890" data-ad-slot="998877"></ins></div>
  <div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>
    <li class="share-facebook"><a rel="nofollow noopener noreferrer" class="share-facebook sd-button share-icon" href="?share=facebook" target="_blank"><span>[[b:Facebook]]</span></a></li>
    <li class="share-pinterest"><a class="share-pinterest sd-button share-icon" href="?share=pinterest"><span>[[b:Pinterest]]</span></a></li>
    <li class="share-email"><a class="share-email sd-button share-icon" href="mailto:?subject=Rota%20Vicentina"><span>[[b:Email]]</span></a></li>
  </ul></div></div></div>
  <footer class="entry-meta" aria-label="Entry meta">
    <span class="cat-links"><span class="screen-reader-text">[[b:Categories]]</span> <a href="/category/portugal/" rel="category tag">[[b:Portugal trips]]</a></span>
    <span class="tags-links"><span class="screen-reader-text">[[b:Tags]]</span> <a href="/tag/hiking/" rel="tag">[[b:hiking]]</a> <a href="/tag/alentejo/" rel="tag">[[b:alentejo]]</a></span>
    <nav id="nav-below" class="post-navigation" aria-label="Posts"><div class="nav-previous"><span class="prev"><a href="/lisbon-day-walks/" rel="prev">[[b:Five Day Walks from Lisbon]]</a></span></div><div class="nav-next"><span class="next"><a href="/douro-by-train/" rel="next">[[b:The Douro Valley by Train]]</a></span></div></nav>
  </footer>
</div>
</article>
<div class="comments-area" id="comments">
  <h3 class="comments-title">2 thoughts on &ldquo;Three Days on the Rota Vicentina&rdquo;</h3>
  <ol class="comment-list">
    <li id="comment-5512" class="comment even thread-even depth-1"><article class="comment-body" id="div-comment-5512">
      <footer class="comment-meta"><div class="comment-author-info"><cite itemprop="name" class="fn">[[c:Hannah W.]]</cite><div class="entry-meta comment-metadata"><a href="#comment-5512"><time datetime="2024-04-20T19:02:11+01:00">[[c:April 20, 2024 at 7:02 pm]]</time></a></div></div></footer>
      <div class="comment-content" itemprop="text"><p>[[c:Did you find the luggage transfer reliable? We are thinking of doing the same stages in May.]]</p></div>
      <span class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-5512" aria-label="Reply to Hannah W.">[[b:Reply]]</a></span>
    </article>
    <ol class="children"><li id="comment-5514" class="comment byuser bypostauthor odd alt depth-2"><article class="comment-body">
      <footer class="comment-meta"><div class="comment-author-info"><cite class="fn">[[c:Inês]]</cite><div class="comment-metadata"><time datetime="2024-04-21T08:40:00+01:00">[[c:April 21, 2024 at 8:40 am]]</time></div></div></footer>
      <div class="comment-content"><p>[[c:Yes, bags were always waiting at the guesthouse by 3 pm. Pay in cash, they do not take cards.]]</p></div>
    </article></li></ol></li>
  </ol>
  <div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Comment</h3>
    <form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes"><span id="email-notes">[[b:Your email address will not be published.]]</span> <span class="required-field-message">[[b:Required fields are marked *]]</span></p>
      <p class="comment-form-comment"><label for="comment" class="screen-reader-text">[[b:Comment]]</label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
      <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"></p></form></div>
</div>
</main></div>
<div class="widget-area sidebar is-right-sidebar" id="right-sidebar"><div class="inside-right-sidebar">
  <aside id="block-3" class="widget inner-padding widget_block"><div class="wp-block-group"><h2 class="wp-block-heading">Hi, I'm Inês</h2><p>[[b:I write about walking holidays that do not need a car. Based in Porto, usually somewhere muddy.]]</p></div></aside>
  <aside id="search-2" class="widget inner-padding widget_search"><form method="get" class="search-form" action="/"><label><span class="screen-reader-text">[[b:Search for:]]</span><input type="search" class="search-field" placeholder="Search &hellip;" name="s"></label><button class="search-submit" aria-label="Search"></button></form></aside>
  <aside id="recent-posts-2" class="widget inner-padding widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
    <li><a href="/douro-by-train/">[[b:The Douro Valley by Train: Itinerary]]</a></li>
    <li><a href="/camino-portugues-coastal/">[[b:Camino Português: Coastal Route Notes]]</a></li>
    <li><a href="/best-rain-jackets/">[[b:Rain Jackets We Actually Use]]</a></li>
  </ul></aside>
</div></div>
</div></div>
<div class="site-footer"><footer class="site-info" aria-label="Site"><div class="inside-site-info grid-container"><div class="copyright-bar">[[b:&copy; 2024 Slow Miles]] <a href="/privacy-policy/">[[b:Privacy Policy]]</a> <a href="/affiliate-disclosure/">[[b:Affiliate disclosure]]</a> <span class="generate-credit">[[b:Built with GeneratePress]]</span></div></div></footer></div>
<div id="CybotCookiebotDialog" name="CybotCookiebotDialog" role="dialog" aria-modal="true" aria-labelledby="CybotCookiebotDialogBodyContentTitle" class="CybotEdge CybotCookiebotDialogActive" lang="en" data-template="popup">
  <div class="CybotCookiebotDialogContentWrapper"><div id="CybotCookiebotDialogHeader"><div id="CybotCookiebotDialogPoweredbyCybot"><span>[[k:Powered by Cookiebot]]</span></div></div>
  <div id="CybotCookiebotDialogBody"><div id="CybotCookiebotDialogBodyContent"><h2 id="CybotCookiebotDialogBodyContentTitle">This website uses cookies</h2>
    <div id="CybotCookiebotDialogBodyContentText">[[k:We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. We also share information about your use of our site with our social media, advertising and analytics partners who may combine it with other information that you've provided to them.]]</div></div>
    <div id="CybotCookiebotDialogBodyLevelWrapper"><div class="CybotCookiebotDialogBodyLevelButtonWrapper"><label class="CybotCookiebotDialogBodyLevelButtonLabel" for="CybotCookiebotDialogBodyLevelButtonNecessary"><strong class="CybotCookiebotDialogBodyLevelButtonDescription">[[k:Necessary]]</strong></label></div>
      <div class="CybotCookiebotDialogBodyLevelButtonWrapper"><label for="CybotCookiebotDialogBodyLevelButtonStatistics"><strong class="CybotCookiebotDialogBodyLevelButtonDescription">[[k:Statistics]]</strong></label></div>
      <div class="CybotCookiebotDialogBodyLevelButtonWrapper"><label for="CybotCookiebotDialogBodyLevelButtonMarketing"><strong class="CybotCookiebotDialogBodyLevelButtonDescription">[[k:Marketing]]</strong></label></div></div></div>
  <div id="CybotCookiebotDialogFooter"><div id="CybotCookiebotDialogBodyButtonsWrapper"><button id="CybotCookiebotDialogBodyButtonDecline" class="CybotCookiebotDialogBodyButton">[[k:Deny]]</button><button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection" class="CybotCookiebotDialogBodyButton">[[k:Allow selection]]</button><button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll" class="CybotCookiebotDialogBodyButton">[[k:Allow all]]</button></div></div></div>
</div>
<script id="generate-menu-js" src="/wp-content/themes/generatepress/assets/js/menu.min.js?ver=3.3.1"></script>
</body>
</html>
""",
    "ghost_blog_post": r"""<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <title>Why our Postgres table grew to 400 GB (and how we shrank it)</title>
    <meta name="HandheldFriendly" content="True">
    <link rel="stylesheet" type="text/css" href="/assets/built/screen.css?v=0c6f2b9a1e">
    <meta name="generator" content="Ghost 5.82">
    <script defer src="https://cdn.jsdelivr.net/ghost/portal@~2.37/umd/portal.min.js" data-i18n="false" data-ghost="https://blog.tallyops.io/" crossorigin="anonymous"></script>
    <style id="gh-members-styles">.gh-post-upgrade-cta-content{border-radius:3px;padding:26px 32px;}</style>
</head>
<body class="post-template tag-databases tag-engineering is-head-left-logo has-cover">
<div class="viewport">
    <header id="gh-head" class="gh-head outer">
        <div class="gh-head-inner inner">
            <div class="gh-head-brand"><a class="gh-head-logo" href="https://blog.tallyops.io">[[b:Tally Engineering]]</a><button class="gh-search gh-icon-btn" aria-label="Search this site" data-ghost-search><svg width="20" height="20"><path d="M0 0"/></svg></button></div>
            <nav class="gh-head-menu"><ul class="nav">
                <li class="nav-home"><a href="https://blog.tallyops.io/">[[b:Home]]</a></li>
                <li class="nav-databases"><a href="https://blog.tallyops.io/tag/databases/">[[b:Databases]]</a></li>
                <li class="nav-infrastructure"><a href="https://blog.tallyops.io/tag/infrastructure/">[[b:Infrastructure]]</a></li>
                <li class="nav-careers"><a href="https://tallyops.io/careers">[[b:We're hiring]]</a></li>
            </ul></nav>
            <div class="gh-head-actions"><a class="gh-head-link" href="#/portal/signin" data-portal="signin">[[b:Sign in]]</a><a class="gh-head-button" href="#/portal/signup" data-portal="signup">[[b:Subscribe]]</a></div>
        </div>
    </header>
    <div class="site-content">
<main id="site-main" class="site-main">
<article class="article post tag-databases tag-engineering ">
    <header class="article-header gh-canvas">
        <div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="/tag/databases/">[[b:Databases tag]]</a></span></div>
        <h1 class="article-title">Why our Postgres table grew to 400 GB (and how we shrank it)</h1>
        <p class="article-excerpt">[[c:A story about autovacuum, long-running transactions and one forgotten replication slot.]]</p>
        <div class="article-byline"><section class="article-byline-content">
            <ul class="author-list"><li class="author-list-item"><a href="/author/priya/" class="author-avatar"><img class="author-profile-image" src="/content/images/size/w100/2023/02/priya.jpg" alt="Priya Raman"></a></li></ul>
            <div class="article-byline-meta"><h4 class="author-name"><a href="/author/priya/">Priya Raman</a></h4>
                <div class="byline-meta-content"><time class="byline-meta-date" datetime="2024-02-06">[[c:Feb 6, 2024]]</time><span class="byline-reading-time">[[b:6 min read]]</span></div></div>
        </section></div>
        <figure class="article-image"><img srcset="/content/images/size/w300/2024/02/bloat-graph.png 300w" src="/content/images/size/w2000/2024/02/bloat-graph.png" alt="Disk usage graph"><figcaption>[[c:Disk usage of the events table over three weeks in January.]]</figcaption></figure>
    </header>
    <section class="gh-content gh-canvas">
        <p>[[c:On a Tuesday morning our on-call engineer got paged because the primary database volume had passed 85% full. Nothing about our traffic had changed. The events table, which normally sits around 60 GB, was reporting 400 GB on disk.]]</p>
        <p>[[c:Row counts were flat. That pointed at bloat: dead tuples that autovacuum was not allowed to clean up.]]</p>
        <h2 id="finding-the-blocker">Finding the blocker</h2>
        <p>[[c:The first query anyone should run in this situation is a look at the oldest transaction horizons:]]</p>
        <pre><code class="language-sql">[[c:SELECT slot_name, active, xmin, catalog_xmin
FROM pg_replication_slots
ORDER BY age(xmin) DESC NULLS LAST;]]</code></pre>
        <p>[[c:It returned a slot named analytics_cdc, inactive since 29 December. A change-data-capture connector had been decommissioned, but the slot it created was still holding back the xmin horizon for the whole cluster.]]</p>
        <div class="kg-card kg-callout-card kg-callout-card-yellow"><div class="kg-callout-text">[[c:An inactive logical replication slot stops vacuum from removing any row version newer than its xmin. It also retains WAL, so the disk fills from two directions at once.]]</div></div>
        <h2 id="the-fix">The fix</h2>
        <p>[[c:Dropping the slot was one line:]]</p>
        <pre><code class="language-sql">[[c:SELECT pg_drop_replication_slot('analytics_cdc');]]</code></pre>
        <p>[[c:Vacuum then marked the space reusable, but did not return it to the operating system. To actually shrink the table we used pg_repack, which rebuilds it online with only brief locks:]]</p>
        <pre><code class="language-bash">[[c:pg_repack --table=public.events --jobs=4 --no-superuser-check tally_prod]]</code></pre>
        <ul>
            <li>[[c:Table size before: 400 GB]]</li>
            <li>[[c:Table size after: 58 GB]]</li>
            <li>[[c:Repack duration: 3 h 10 min]]</li>
        </ul>
        <h2 id="what-we-changed">What we changed</h2>
        <p>[[c:We now alert when any replication slot is inactive for more than an hour, and when the age of the oldest xmin passes 50 million transactions. Both checks are cheap queries in our existing Prometheus exporter.]]</p>
        <div class="kg-card kg-signup-card kg-width-regular" data-lexical-signup-form><div class="kg-signup-card-content"><h2 class="kg-signup-card-heading">Get posts like this by email</h2><p class="kg-signup-card-subheading">[[b:One email a month. No spam, unsubscribe any time.]]</p>
            <form class="kg-signup-card-form" data-members-form="signup"><div class="kg-signup-card-fields"><input class="kg-signup-card-input" type="email" placeholder="Your email" required data-members-email><button class="kg-signup-card-button" type="submit"><span class="kg-signup-card-button-default">[[b:Subscribe now]]</span><span class="kg-signup-card-button-loading">[[b:Sending…]]</span></button></div>
            <div class="kg-signup-card-success">[[b:Email sent! Check your inbox to complete your signup.]]</div></form></div></div>
    </section>
</article>
<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">Sign up for more like this.</h2><a class="footer-cta-button" href="#/portal" data-portal><div class="footer-cta-input">[[b:Enter your email]]</div><span>[[b:Subscribe to the blog]]</span></a></div></section>
<aside class="read-more-wrap outer"><div class="read-more inner"><article class="post-card post"><a class="post-card-image-link" href="/connection-pooling-at-scale/"><img class="post-card-image" src="/content/images/size/w600/2023/11/pool.png" alt=""></a><div class="post-card-content"><a class="post-card-content-link" href="/connection-pooling-at-scale/"><header class="post-card-header"><h2 class="post-card-title">Connection pooling at 20k requests per second</h2></header><div class="post-card-excerpt">[[b:What we learned moving from PgBouncer session mode to transaction mode.]]</div></a><footer class="post-card-meta"><time class="post-card-meta-date" datetime="2023-11-14">[[b:Nov 14, 2023]]</time><span class="post-card-meta-length">[[b:9 min read]]</span></footer></div></article>
<article class="post-card post"><div class="post-card-content"><a class="post-card-content-link" href="/zero-downtime-migrations/"><header class="post-card-header"><h2 class="post-card-title">Zero-downtime column migrations</h2></header><div class="post-card-excerpt">[[b:A checklist for renaming columns without waking anyone up.]]</div></a><footer class="post-card-meta"><time class="post-card-meta-date" datetime="2023-09-02">[[b:Sep 2, 2023]]</time><span class="post-card-meta-length">[[b:5 min read]]</span></footer></div></article></div></aside>
</main>
    </div>
    <footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="https://blog.tallyops.io">[[b:Tally Engineering Blog]] </a>[[b:&copy; 2024]]</section>
        <nav class="site-footer-nav"><ul class="nav"><li class="nav-data-privacy"><a href="https://tallyops.io/privacy">[[b:Data &amp; privacy]]</a></li><li class="nav-contact"><a href="mailto:eng@tallyops.io">[[b:Contact]]</a></li><li class="nav-rss"><a href="/rss/">[[b:RSS]]</a></li></ul></nav>
        <div class="gh-powered-by"><a href="https://ghost.org/" target="_blank" rel="noopener">[[b:Powered by Ghost]]</a></div></div></footer>
</div>
<script src="/assets/built/casper.js?v=0c6f2b9a1e"></script>
</body>
</html>
""",
    "medium_like_article": r"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>We Deleted Half Our Design System. Nobody Noticed. | by Tomás Ferreira | Bootcamp</title>
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1,maximum-scale=1">
<meta data-rh="true" property="og:type" content="article">
<style type="text/css" data-fela-rehydration="564" data-fela-type="STATIC">.l{display:block}.n{position:relative}.bf{font-family:sohne}</style>
<script>window.__BUILD_ID__="main-20240305-181437-2c1f6ae2a0"</script>
</head>
<body>
<div id="root"><div class="a b c"><div class="l c"><div class="l d"><div class="be bf bg bh"><div class="ab bi"><div class="bj l">
<div class="bk bl bm bn bo" data-testid="headerContainer"><div class="ab q">
  <a data-testid="headerMediumLogo" href="/?source=post_page---two_column_layout_nav" aria-label="Homepage"><svg viewBox="0 0 1043.63 592.71" class="dv dw"><path d="M588.67 296.36"/></svg></a>
  <div class="ab cx"><div class="kt ku"><input role="combobox" data-testid="headerSearchInput" tabindex="0" class="ay ez kw" placeholder="Search" value=""></div></div>
  <div class="ab ao"><a data-testid="headerWriteButton" href="/new-story" class="af ag"><div class="bf b bg z"><span>[[b:Write]]</span></div></a>
  <span><a class="bf b bg z ar" data-testid="headerSignUpButton" href="/m/signin?operation=register" rel="noopener follow">[[b:Sign up]]</a></span><span><a class="af ag ah" data-testid="headerSignInButton" href="/m/signin?operation=login" rel="noopener follow">[[b:Sign in]]</a></span></div>
</div></div>
<div class="l"><article><div class="l"><div class="l"><section><div><div class="gq gr gs gt gu"></div>
<div class="gx gy gz ha hb"><div class="ab cb"><div class="ci bh fz ga gb gc">
  <div><h1 id="7a1c" class="pw-post-title hc hd he bf hf hg hh hi hj" data-testid="storyTitle" data-selectable-paragraph="">We Deleted Half Our Design System. Nobody Noticed.</h1></div>
  <div><h2 id="b3e0" class="pw-subtitle-paragraph ik hd he bf b il im in io" data-selectable-paragraph="">What a usage audit taught us about components nobody asked for</h2></div>
  <div class="speechify-ignore ab cp"><div class="speechify-ignore bh l"><div class="jf jg jh ji jj ab"><div>
    <div class="ab jk"><div data-testid="authorPhoto" class="l"><img alt="Tomás Ferreira" class="l ep bx" src="https://miro.medium.com/v2/resize:fill:88:88/1*tf.jpeg" width="44" height="44"></div></div>
    <div class="bm bg l"><div class="ab"><div style="flex:1"><span class="bf b bg z bk"><div class="jm ab q"><a class="af ag ah ai aj" data-testid="authorName" href="/@tferreira">[[c:Tomás Ferreira]]</a></div></span></div>
      <button class="bf b bg z ko kp">[[b:Follow]]</button></div>
      <div class="l jr"><span class="bf b bg z dt"><div class="ab cm js jt ju">[[b:Published in]] <a class="af ag ah" data-testid="publicationName" href="https://bootcamp.uxdesign.cc/">[[b:Bootcamp]]</a><div class="jv l" aria-hidden="true"></div><span data-testid="storyReadTime">[[b:5 min read]]</span><div class="kh ki l" aria-hidden="true"></div><span data-testid="storyPublishDate">[[c:Mar 4, 2024]]</span></div></span></div></div>
  </div></div>
  <div class="ab cp kj kk kl km kn ko"><div class="h k w ea eb q"><div class="le l"><div class="pw-multi-vote-count l lr ls"><p class="bf b dv z dt"><span class="ln">[[b:2.1K]]</span></p></div></div>
    <div class="bq ab"><button aria-label="responses" class="af fi ah ai aj"><span class="pw-responses-count lx ly">[[b:38]]</span></button></div>
    <div class="ab q"><button aria-controls="audioPlayer" data-testid="audioPlayButton" class="af fi ah"><p class="bf b bg z dt">[[b:Listen]]</p></button><button aria-controls="postFooterSocialMenu" data-testid="headerSocialShareButton" class="af fi ah"><p class="bf b bg z dt">[[b:Share]]</p></button></div></div></div></div>
  </div></div></div>
<p id="1f2a" class="pw-post-body-paragraph mf mg he mh b mi mj mk ml" data-selectable-paragraph="">[[c:Last autumn our design system had 112 components. Today it has 54. We did not redesign anything, and in the two months since, not a single product team has filed a ticket asking where something went.]]</p>
<p id="9c4d" class="pw-post-body-paragraph mf mg he mh b mi mj mk ml" data-selectable-paragraph="">[[c:This is how we decided what to delete, and why I now think most design systems are twice the size they need to be.]]</p>
<h2 id="3e91" class="nd ne he bf nf ng nh ni nj">Counting what is actually used</h2>
<p id="d07b" class="pw-post-body-paragraph mf mg he mh b mi" data-selectable-paragraph="">[[c:We wrote a small script that walked every front-end repository, parsed the imports and counted how often each component appeared in production code. It took an afternoon. The results were embarrassing:]]</p>
<ol class=""><li id="5b17" class="mf mg he mh b mi nx ny nz" data-selectable-paragraph="">[[c:31 components had zero imports outside the design system itself.]]</li>
<li id="e6a3" class="mf mg he mh b mi nx ny nz" data-selectable-paragraph="">[[c:19 more were used in exactly one place.]]</li>
<li id="0c5e" class="mf mg he mh b mi nx ny nz" data-selectable-paragraph="">[[c:Four separate date pickers existed, and teams used all four.]]</li></ol>
<figure class="ok ol om on oo op oh oi paragraph-image"><div class="oq or ed os bh ot"><picture><img alt="" class="bh mp ou c" width="700" height="394" loading="lazy" src="https://miro.medium.com/v2/resize:fit:1400/1*usage.png"></picture></div><figcaption class="ov ff ow oh oi ox oy bf b bg z dt" data-selectable-paragraph="">[[c:Import counts per component, sorted. The long tail on the right is where we started deleting.]]</figcaption></figure>
<blockquote class="pb pc pd"><p id="44aa" class="mf mg pe mh b mi mj" data-selectable-paragraph="">[[c:A component nobody imports is not an asset. It is documentation you have to keep lying about.]]</p></blockquote>
<h2 id="8f0d" class="nd ne he bf nf ng">The rules we used</h2>
<p id="71bd" class="pw-post-body-paragraph mf mg he mh b mi" data-selectable-paragraph="">[[c:If a component had no imports, it went. If it had one, we moved it into the product that used it. Everything else stayed, but each of the four date pickers was replaced by the one with the most users, and the rest were deprecated with a codemod.]]</p>
<p id="ab21" class="pw-post-body-paragraph mf mg he mh b mi" data-selectable-paragraph="">[[c:The hardest part was social, not technical. Several of the deleted components were built by people who still work here, and we made a point of asking them first.]]</p>
</div></div></section></div></div></article></div>
<div class="l"><div class="ab cb"><div class="ci bh fz ga"><div class="pn po ab ja"><div class="pp ab"><a href="/tag/design-systems?source=post_page-----" rel="noopener follow"><div class="pq ed cw pr gg ps pt bf b bg z bk pu">[[b:Design Systems]]</div></a></div><div class="pp ab"><a href="/tag/ux?source=post_page-----"><div class="pq ed cw pr">[[b:UX]]</div></a></div><div class="pp ab"><a href="/tag/frontend?source=post_page-----"><div class="pq ed cw pr">[[b:Front End Development]]</div></a></div></div>
<div class="ab cp qb qc"><div class="qd qe l"><div class="ab q"><h2 class="bf qf qg qh qi">Written by Tomás Ferreira</h2></div><div class="qj ab"><span class="pw-follower-count bf b bg z dt"><a href="/@tferreira/followers">[[b:1.4K Followers]]</a></span></div><p class="bf b bg z dt">[[b:Design lead. Writes about systems, teams and the space between them.]]</p></div><button class="bf b bg z ko kp">[[b:Follow Tomás]]</button></div>
<div class="qr l"><h2 class="bf qf">More from Tomás Ferreira and Bootcamp</h2><div class="ab"><a href="/@tferreira/naming-tokens-3f1e"><h2 class="bf rb">Naming design tokens so engineers stop asking</h2></a><div class="rc">[[b:Nov 12, 2023]]</div></div><div class="ab"><a href="https://bootcamp.uxdesign.cc/figma-variables-guide"><h2 class="bf rb">A practical guide to Figma variables</h2></a><div class="rc">[[b:Jan 28, 2024]]</div></div></div>
<div class="l"><a href="/?source=post_page-----" class="af ag ah"><p class="bf b dv z dt">[[b:See all from Tomás Ferreira]]</p></a></div>
</div></div></div>
<div class="ab cb"><footer class="ci bh fz"><div class="ab q"><a href="https://help.medium.com/hc/en-us">[[b:Help]]</a><a href="https://medium.statuspage.io/">[[b:Status]]</a><a href="https://medium.com/about">[[b:About Medium]]</a><a href="https://medium.com/jobs-at-medium">[[b:Careers]]</a><a href="https://policy.medium.com/medium-privacy-policy">[[b:Privacy]]</a><a href="https://policy.medium.com/medium-terms-of-service">[[b:Terms]]</a><a href="https://speechify.com/medium">[[b:Text to speech]]</a></div></footer></div>
</div></div></div></div></div></div>
<div class="ab ca ci ac ae sticky-bottom" data-testid="signUpStickyBar" style="position:fixed;bottom:0"><div class="l ab"><p class="bf b bg z">[[b:Sign up to discover human stories that deepen your understanding of the world.]]</p><a class="bf b bg z ar" href="/m/signin?operation=register">[[b:Sign up for free]]</a><button class="af fi" aria-label="close"></button></div></div>
</div>
<script>window.__APOLLO_STATE__ = {"ROOT_QUERY":{"__typename":"Query"}}</script>
</body>
</html>
""",
    "news_bbc_style": r"""<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charSet="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>Rail timetable cuts: Fewer trains on Harbour Line from June</title>
<link rel="canonical" href="https://www.nbsnews.co.uk/news/articles/c4n8r2k7xq1o"/>
<style data-emotion="ssrcss 1f3bpi8 9x2k7m">.ssrcss-1f3bpi8-StyledLink{color:#141414}.ssrcss-9x2k7m-Wrapper{display:flex}</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Rail timetable cuts: Fewer trains on Harbour Line from June","datePublished":"2024-05-14T05:31:22.000Z","author":[{"@type":"Person","name":"Gemma Doyle"}]}</script>
</head>
<body>
<div id="__next">
<div class="css-v2m1tq e1x0bmq50"><div class="css-1ho7g3c"><p class="css-q6be0e">[[k:Let us know you're happy with cookies]]</p><p class="css-q6be0e">[[k:We use cookies to give you the best online experience. Some are set by us and some by third parties to measure how you use our services.]]</p><div class="css-8hwx3r"><button type="button" class="css-3ftq6g">[[k:Yes, I agree]]</button><a href="/usingthebbc/cookies/how-can-i-change-my-bbc-cookie-settings/" class="css-1mfwk8c">[[k:No, take me to settings]]</a></div></div></div>
<header role="banner" data-testid="header-content" class="ssrcss-1v7ia8t-StyledHeader">
  <a class="ssrcss-wt4ov1-SkipLink" href="#main-content">[[b:Skip to content]]</a>
  <div class="ssrcss-9x2k7m-Wrapper"><a href="https://www.nbsnews.co.uk" class="ssrcss-1h9r4me-BrandLink"><span class="ssrcss-1hizfh0-VisuallyHidden">[[b:NBS Homepage]]</span><svg viewBox="0 0 84 24" aria-hidden="true"><path d="M0 0"/></svg></a>
    <nav aria-label="NBS"><ul class="ssrcss-nm0s5d-GlobalNavigationProductList" role="list">
      <li><a href="/">[[b:Home]]</a></li><li><a href="/news">[[b:News]]</a></li><li><a href="/sport">[[b:Sport]]</a></li><li><a href="/weather">[[b:Weather]]</a></li><li><a href="/sounds">[[b:Radio]]</a></li>
    </ul></nav>
    <a href="/search" class="ssrcss-1bs3f6t-SearchLink"><span>[[b:Search NBS]]</span></a></div>
  <nav aria-label="News" class="ssrcss-1b1mki6-StyledNav"><ul role="list">
    <li><a href="/news/uk">[[b:UK]]</a></li><li><a href="/news/world">[[b:World]]</a></li><li><a href="/news/business">[[b:Business]]</a></li><li><a href="/news/politics">[[b:Politics]]</a></li><li><a href="/news/england/harbourside">[[b:Harbourside]]</a></li>
  </ul></nav>
</header>
<main id="main-content" class="ssrcss-1aj8sku-Main"><article class="ssrcss-pv1rh6-ArticleWrapper">
  <header class="ssrcss-1eqcsb1-HeadingWrapper"><h1 id="main-heading" class="ssrcss-1pl2zfy-StyledHeading">Rail timetable cuts: Fewer trains on Harbour Line from June</h1></header>
  <div data-component="byline-block" class="ssrcss-1h7imkl-Wrapper"><div class="ssrcss-68pt20-Text-TextContributorName">[[c:By Gemma Doyle]]</div><div class="ssrcss-84ltp5-Text">[[c:Transport correspondent, NBS Harbourside]]</div></div>
  <div class="ssrcss-m5j4pi-MetadataContent"><time data-testid="timestamp" datetime="2024-05-14T05:31:22.000Z" class="ssrcss-1if1g9v-MetadataText">[[c:14 May 2024]]</time></div>
  <div data-component="image-block" class="ssrcss-uf6wea-RichTextComponentWrapper"><figure class="ssrcss-wpgbih-StyledFigure"><div class="ssrcss-ab5fd8-StyledFigureContainer"><span class="ssrcss-1hizfh0-VisuallyHidden">[[b:Image source,]] </span><span role="text" class="ssrcss-d8dwea-Copyright">[[c:PA Media]]</span><img alt="A two-carriage train at Eastport station" src="https://ichef.nbsi.co.uk/news/976/cpsprodpb/harbour-line.jpg" width="976" height="549"/></div><figcaption class="ssrcss-1nqrx1v-Caption"><span class="ssrcss-1hizfh0-VisuallyHidden">[[b:Image caption,]] </span>[[c:Passengers on the Harbour Line already report overcrowding at peak times]]</figcaption></figure></div>
  <div data-component="text-block" class="ssrcss-uf6wea-RichTextComponentWrapper"><div class="ssrcss-7uxr49-RichTextContainer"><p class="ssrcss-1q0x1qg-Paragraph"><b class="ssrcss-hmf8ql-BoldText">[[c:Commuters on one of the region's busiest branch lines will see their off-peak service halved from June, the operator has confirmed.]]</b></p></div></div>
  <div data-component="text-block" class="ssrcss-uf6wea-RichTextComponentWrapper"><div class="ssrcss-7uxr49-RichTextContainer"><p class="ssrcss-1q0x1qg-Paragraph">[[c:Coastway Trains said trains between Eastport and Millbay would run every hour rather than every 30 minutes between 10:00 and 15:00 on weekdays.]]</p><p class="ssrcss-1q0x1qg-Paragraph">[[c:The company blamed a shortage of qualified drivers and said the change would last "at least until December".]]</p></div></div>
  <div data-component="text-block" class="ssrcss-uf6wea-RichTextComponentWrapper"><div class="ssrcss-7uxr49-RichTextContainer"><p class="ssrcss-1q0x1qg-Paragraph">[[c:Local councillor Asha Patel said the decision would "cut off" villages that have no bus service.]]</p><p class="ssrcss-1q0x1qg-Paragraph">[[c:"People rely on the midday trains to get to hospital appointments. An hourly service with no connections is not a service," she said.]]</p></div></div>
  <div data-component="subheadline-block" class="ssrcss-1t8mkqy-StyledHeading"><h2 id="what-changes" class="ssrcss-y0k3km-StyledHeading">What changes on 2 June</h2></div>
  <div data-component="text-block" class="ssrcss-uf6wea-RichTextComponentWrapper"><div class="ssrcss-7uxr49-RichTextContainer"><ul class="ssrcss-rwxy5j-BulletListContainer">
    <li class="ssrcss-11mwi25-ListItem">[[c:Off-peak: one train per hour]]</li>
    <li class="ssrcss-11mwi25-ListItem">[[c:Peak: unchanged]]</li>
    <li class="ssrcss-11mwi25-ListItem">[[c:Sundays: first train 09:12]]</li>
  </ul></div></div>
  <div data-component="text-block" class="ssrcss-uf6wea-RichTextComponentWrapper"><div class="ssrcss-7uxr49-RichTextContainer"><p class="ssrcss-1q0x1qg-Paragraph">[[c:A Coastway spokesperson said 14 trainee drivers were due to qualify over the summer and the full timetable would be restored "as soon as we can staff it".]]</p><p class="ssrcss-1q0x1qg-Paragraph">[[c:The Department for Transport said timetables were a matter for the operator.]]</p></div></div>
  <div data-component="tag-list" class="ssrcss-1qmkvfu-TopicListWrapper"><div class="ssrcss-1yv8dky-Heading">[[b:Related Topics]]</div><ul class="ssrcss-1e8jzxe-TopicList" role="list"><li><a href="/news/topics/rail-travel" class="ssrcss-1ef12hb-StyledLink">[[b:Rail travel]]</a></li><li><a href="/news/topics/eastport" class="ssrcss-1ef12hb-StyledLink">[[b:Eastport]]</a></li></ul></div>
  <section data-component="links-block" class="ssrcss-ldvd8k-LinksBlock"><h2 class="ssrcss-1s4c2b0-Heading">More on this story</h2><ul role="list">
    <li><a href="/news/uk-england-harbourside-67812233">[[b:Drivers' union warns of summer disruption]]</a><span class="ssrcss-1if1g9v-MetadataText">[[b:Published 2 May]]</span></li>
    <li><a href="/news/uk-england-harbourside-67401120">[[b:Station car park to close for six months]]</a><span class="ssrcss-1if1g9v-MetadataText">[[b:Published 18 April]]</span></li>
  </ul></section>
</article>
<section data-testid="features" aria-labelledby="top-stories" class="ssrcss-3xh9o3-StyledSection"><h2 id="top-stories">Top Stories</h2><ul role="list">
  <li><a href="/news/uk-politics-68933311">[[b:Chancellor signals tax changes ahead of autumn statement]]</a></li>
  <li><a href="/news/world-europe-68931007">[[b:Wildfires force evacuation of Greek island villages]]</a></li>
  <li><a href="/news/health-68929054">[[b:Hospital waiting lists fall for third month]]</a></li>
</ul></section>
<section aria-labelledby="most-read" data-component="most-read"><h2 id="most-read">Most read</h2><ol class="ssrcss-1ksy8v9-OrderedList" role="list">
  <li><a href="/news/uk-68930012">[[b:Man rescued after night clinging to buoy]]</a></li>
  <li><a href="/news/uk-england-harbourside-68925501">[[b:Pier reopens after five-year restoration]]</a></li>
</ol></section>
</main>
<footer data-testid="footer" class="ssrcss-1p1q0ze-FooterWrapper"><div class="ssrcss-qxsf8k-Wrapper"><ul role="list" class="ssrcss-1t4oqm6-LinkList">
  <li><a href="/usingthebbc/terms">[[b:Terms of Use]]</a></li><li><a href="/aboutthebbc">[[b:About NBS]]</a></li><li><a href="/usingthebbc/privacy">[[b:Privacy Policy]]</a></li><li><a href="/usingthebbc/cookies">[[b:Cookies]]</a></li><li><a href="/accessibility">[[b:Accessibility Help]]</a></li><li><a href="/contact">[[b:Contact NBS]]</a></li>
</ul><p class="ssrcss-1g0drg0-Text"><span>[[b:Copyright 2024 NBS. All rights reserved.]]</span> [[b:NBS is not responsible for the content of external sites.]] <a href="/editorialguidelines/links" class="ssrcss-1ef12hb-StyledLink"><strong>[[b:Read about our approach to external linking.]]</strong></a></p></div></footer>
</div>
<script>window.__INITIAL_DATA__="{\"data\":{}}"</script>
</body>
</html>
""",
    "local_newspaper_ads": r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Council approves 2024 budget; water rates to rise 6% | Local News | millbrookcourier.com</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="https://bloximages.newyork1.vip.townnews.com/millbrookcourier.com/shared-content/art/tncms/templates/libraries/flex/components/bootstrap/resources/styles/bootstrap.min.css">
<script async src="https://securepubads.g.doubleclick.net/tag/js/gpt.js"></script>
<script>var googletag=googletag||{};googletag.cmd=googletag.cmd||[];__tnt.ads.slots=["leaderboard","in-story-1","in-story-2","sidebar-1"];</script>
</head>
<body class="fixed-scroll-nav section-news section-news-local asset-type-article">
<div id="site-container">
<div id="tncms-region-global-skyline" class="tncms-region"><div id="tn-ad-leaderboard" class="tnt-ads-container tnt-ads-leaderboard hidden-print"><div class="tnt-ads-label text-muted">[[b:Advertisement]]</div><div id="div-gpt-ad-leaderboard" class="dfp-ad" data-slot="leaderboard"></div></div></div>
<header id="site-header" class="hidden-print"><div class="container"><div class="row">
  <div class="navbar-left"><button class="navbar-toggle offcanvas-toggle" data-toggle="offcanvas"><span>[[b:Sections]]</span></button><a href="/search/" class="btn-search"><span>[[b:Search]]</span></a></div>
  <a class="site-logo" href="/"><img src="/logo.svg" alt="Millbrook Courier"></a>
  <div class="navbar-right"><a href="/users/signup/" class="btn btn-primary btn-subscribe">[[b:Subscribe]]</a><a href="/users/login/" class="tn-user-login">[[b:Log In]]</a></div>
</div><nav class="navbar-main"><ul class="nav navbar-nav">
  <li class="dropdown"><a href="/news/">[[b:News]]</a><ul class="dropdown-menu"><li><a href="/news/local/">[[b:Local News]]</a></li><li><a href="/news/state/">[[b:State]]</a></li><li><a href="/news/crime/">[[b:Police &amp; Courts]]</a></li></ul></li>
  <li><a href="/sports/">[[b:Sports]]</a></li><li><a href="/opinion/">[[b:Opinion]]</a></li><li><a href="/obituaries/">[[b:Obituaries]]</a></li><li><a href="/classifieds/">[[b:Classifieds]]</a></li><li><a href="/eedition/">[[b:E-Edition]]</a></li>
</ul></nav></div></header>
<section id="main-page-container" class="container"><div class="row"><div class="col-md-8 main-content">
<article itemscope itemtype="http://schema.org/NewsArticle" class="asset type-article">
  <header class="asset-header"><div class="meta"><span class="kicker"><a href="/news/local/">[[b:Local]] </a></span></div>
    <h1 class="headline"><span class="asset-headline speakable-headline" itemprop="headline">Council approves 2024 budget; water rates to rise 6%</span></h1>
    <h2 class="subhead"><span>Average household will pay about $4 more a month</span></h2>
    <div class="meta"><ul class="list-inline"><li><span class="asset-byline">[[c:By Dale Hutchins]] </span><span class="text-muted">[[c:Courier staff writer]]</span></li>
      <li><time datetime="2023-12-13T21:40:00-05:00" class="tnt-date asset-date text-muted">[[c:Dec 13, 2023]]</time></li></ul></div>
    <div class="share-container headline-right"><ul class="list-inline"><li><a class="tnt-share-facebook" href="#"><span class="sr-only">[[b:Share on Facebook]]</span></a></li><li><a class="tnt-share-twitter" href="#"><span class="sr-only">[[b:Share on Twitter]]</span></a></li><li><a class="tnt-share-email" href="#"><span class="sr-only">[[b:Email this story]]</span></a></li><li><a class="tnt-print" href="#"><span class="sr-only">[[b:Print]]</span></a></li></ul></div>
  </header>
  <div class="asset-photo"><figure class="photo layout-horizontal"><img src="https://bloximages.newyork1.vip.townnews.com/millbrookcourier.com/content/tncms/assets/v3/editorial/council.jpg" alt="City council chambers"><figcaption class="caption-text"><p>[[c:Council members vote on the budget Tuesday night at City Hall.]]</p><span class="tnt-byline">[[c:Dale Hutchins / Courier]]</span></figcaption></figure></div>
  <div id="article-body" itemprop="articleBody" class="asset-content subscriber-premium">
    <p>[[c:MILLBROOK — The City Council voted 5-2 on Tuesday to adopt a $48.6 million budget for 2024 that raises water and sewer rates by 6% and adds two positions to the fire department.]]</p>
    <p>[[c:The increase is the first since 2020. City Manager Rhonda Ellis said it is needed to cover the cost of replacing lead service lines under a state mandate.]]</p>
    <div class="tnt-ads-container in-story-ad hidden-print"><div class="tnt-ads-label">[[b:Ad — story continues below]]</div><div id="div-gpt-ad-in-story-1" class="dfp-ad"></div></div>
    <p>[[c:Under the new rates, a household using 5,000 gallons a month will pay about $71.40, up from $67.35.]]</p>
    <table class="table table-condensed"><thead><tr>[[c:<th>Fund</th><th>2023</th><th>2024</th>]]</tr></thead><tbody>
      <tr>[[c:<td>General fund</td><td>$21.2M</td><td>$22.1M</td>]]</tr>
      <tr>[[c:<td>Water &amp; sewer</td><td>$14.8M</td><td>$16.3M</td>]]</tr>
      <tr>[[c:<td>Streets</td><td>$6.0M</td><td>$5.7M</td>]]</tr>
    </tbody></table>
    <p>[[c:Council members Tom Reyes and Beth Nakamura voted against the budget, arguing the city should have drawn more from its reserve fund, which stands at about $9 million.]]</p>
    <div class="tnt-ads-container in-story-ad hidden-print"><div class="tnt-ads-label">[[b:Sponsored content]]</div><div id="div-gpt-ad-in-story-2" class="dfp-ad"></div></div>
    <p>[[c:"We are asking residents to pay more while sitting on a cushion we do not need," Reyes said.]]</p>
    <p>[[c:The new rates take effect with bills mailed in February.]]</p>
  </div>
  <div class="asset-tags"><ul class="list-inline"><li><a href="/search/?t=article&amp;k=%23budget" class="tnt-tag">[[b:#budget]]</a></li><li><a href="/search/?t=article&amp;k=%23citycouncil" class="tnt-tag">[[b:#citycouncil]]</a></li></ul></div>
  <div class="card-panel panel panel-default"><div class="panel-body"><div class="tnt-author-card"><div class="tnt-author-name"><a href="/users/profile/dhutchins">[[b:Dale Hutchins]]</a></div><p>[[b:Dale covers city government and schools. Reach him at 555-0142.]]</p></div></div></div>
</article>
<div id="tncms-block-comments" class="comments-block"><h4>Comments are closed</h4><p>[[b:Comments on this story are closed to new posts.]]</p></div>
</div>
<aside class="col-md-4 hidden-print"><div class="tnt-ads-container"><div class="tnt-ads-label">[[b:Paid advertisement]]</div><div id="div-gpt-ad-sidebar-1" class="dfp-ad"></div></div>
  <div class="block-title"><h3>Most Popular</h3></div><ul class="list-unstyled tnt-most-popular">
    <li><a href="/news/local/article_2b1f.html">[[b:Holiday parade route changes this year]]</a></li>
    <li><a href="/news/crime/article_77ac.html">[[b:Police seek driver in Route 9 crash]]</a></li>
    <li><a href="/sports/article_a031.html">[[b:Millbrook girls win regional title]]</a></li>
  </ul>
  <div class="newsletter-signup panel"><p class="panel-title">[[b:Get the Morning Edition in your inbox]]</p><form action="/newsletters/"><input type="email" placeholder="Email address"><button type="submit" class="btn">[[b:Sign up]]</button></form></div>
</aside></div></section>
<footer id="site-footer" class="hidden-print"><div class="container"><div class="row"><div class="col-sm-6"><address>[[b:Millbrook Courier, 210 Main St., Millbrook]]</address><p>[[b:Phone: 555-0100]]</p></div>
  <div class="col-sm-6"><ul class="list-unstyled"><li><a href="/site/about.html">[[b:About Us]]</a></li><li><a href="/site/privacy.html">[[b:Privacy]]</a></li><li><a href="/site/terms.html">[[b:Terms of Use]]</a></li><li><a href="/site/contact.html">[[b:Contact Us]]</a></li></ul></div></div>
  <div class="copyright">[[b:&copy; Copyright 2023, Millbrook Courier]]<span class="powered-by"><a href="https://www.townnews.com">[[b:Powered by BLOX Content Management System]]</a></span></div></div></footer>
<div id="sticky-anchor" class="fixed-bottom offer-bar"><span>[[b:Support local journalism: 3 months for $1]]</span><a href="/subscribe/" class="btn btn-success">[[b:Claim offer]]</a></div>
<div id="qc-cmp2-container" data-nosnippet><div class="qc-cmp2-main qc-cmp2-ui" role="dialog" aria-label="qc-cmp2-ui" aria-modal="true"><div class="qc-cmp2-summary-section"><div class="qc-cmp2-summary-info"><h2>We value your privacy</h2>
  <div>[[k:We and our partners store and/or access information on a device, such as cookies and process personal data, such as unique identifiers and standard information sent by a device for personalised advertising and content, ad and content measurement, and audience insights.]]</div>
  <p class="qc-cmp2-expandable-msg">[[k:With your permission we and our partners may use precise geolocation data and identification through device scanning.]]</p>
  <div class="qc-cmp2-list-header">[[k:We and our partners process data to provide:]]</div><ul class="qc-cmp2-list"><li>[[k:Store and/or access information on a device]]</li><li>[[k:Personalised advertising and content, advertising and content measurement, audience research and services development]]</li></ul></div>
  <div class="qc-cmp2-footer"><div class="qc-cmp2-summary-buttons"><button mode="link" size="large" class="css-47sehv">[[k:List of Partners (vendors)]]</button><button mode="secondary" size="large" class="css-47sehv">[[k:MORE OPTIONS]]</button><button mode="primary" size="large" class="css-47sehv">[[k:AGREE]]</button></div></div></div></div></div>
</div>
</body>
</html>
""",
    "mediawiki_article": r"""<!DOCTYPE html>
<html class="client-nojs vector-feature-language-in-header-enabled vector-toc-available" lang="en" dir="ltr">
<head>
<meta charset="UTF-8">
<title>Common swift - Wikipedia</title>
<script>(function(){var className="client-js vector-feature-language-in-header-enabled";document.documentElement.className=className;}());RLCONF={"wgPageName":"Common_swift","wgTitle":"Common swift","wgArticleId":167220};</script>
<link rel="stylesheet" href="/w/load.php?lang=en&amp;modules=ext.cite.styles%7Cskins.vector.styles&amp;only=styles&amp;skin=vector-2022">
</head>
<body class="skin-vector skin-vector-search-vue mediawiki ltr sitedir-ltr mw-hide-empty-elt ns-0 ns-subject page-Common_swift rootpage-Common_swift skin-vector-2022 action-view">
<a class="mw-jump-link" href="#bodyContent">[[b:Jump to content]]</a>
<div class="vector-header-container"><header class="vector-header mw-header">
  <div class="vector-header-start"><nav class="vector-main-menu-landmark" aria-label="Site"><div id="vector-main-menu" class="vector-main-menu vector-pinnable-element"><div id="p-navigation" class="vector-menu mw-portlet mw-portlet-navigation"><div class="vector-menu-heading">[[b:Navigation]]</div><div class="vector-menu-content"><ul class="vector-menu-content-list">
    <li id="n-mainpage-description" class="mw-list-item"><a href="/wiki/Main_Page" title="Visit the main page [z]" accesskey="z"><span>[[b:Main page]]</span></a></li>
    <li id="n-contents" class="mw-list-item"><a href="/wiki/Wikipedia:Contents"><span>[[b:Contents]]</span></a></li>
    <li id="n-currentevents" class="mw-list-item"><a href="/wiki/Portal:Current_events"><span>[[b:Current events]]</span></a></li>
    <li id="n-randompage" class="mw-list-item"><a href="/wiki/Special:Random"><span>[[b:Random article]]</span></a></li>
    <li id="n-aboutsite" class="mw-list-item"><a href="/wiki/Wikipedia:About"><span>[[b:About Wikipedia]]</span></a></li>
  </ul></div></div></div></nav>
  <a href="/wiki/Main_Page" class="mw-logo"><img class="mw-logo-icon" src="/static/images/icons/wikipedia.png" alt="" aria-hidden="true" height="50" width="50"></a></div>
  <div class="vector-header-end"><div id="p-search" role="search" class="vector-search-box-vue vector-search-box"><form action="/w/index.php" id="searchform" class="cdx-search-input"><input class="cdx-text-input__input" type="search" name="search" placeholder="Search Wikipedia" aria-label="Search Wikipedia"><button class="cdx-button cdx-search-input__end-button">[[b:Search]]</button></form></div>
    <nav class="vector-user-links" aria-label="Personal tools"><ul><li id="pt-createaccount-2" class="user-links-collapsible-item mw-list-item"><a href="/w/index.php?title=Special:CreateAccount&amp;returnto=Common+swift"><span>[[b:Create account]]</span></a></li><li id="pt-login-2" class="mw-list-item"><a href="/w/index.php?title=Special:UserLogin&amp;returnto=Common+swift"><span>[[b:Log in]]</span></a></li></ul></nav></div>
</header></div>
<div class="mw-page-container"><div class="mw-page-container-inner">
<div class="vector-column-start"><div class="vector-sticky-pinned-container"><nav id="mw-panel-toc" aria-label="Contents" class="vector-toc-landmark"><div id="vector-toc" class="vector-toc vector-pinnable-element"><div class="vector-pinnable-header vector-toc-pinnable-header"><h2 class="vector-pinnable-header-label">Contents</h2><button class="vector-pinnable-header-toggle-button vector-pinnable-header-hide-button">[[b:hide]]</button></div>
  <ul class="vector-toc-contents" id="mw-panel-toc-list"><li id="toc-mw-content-text" class="vector-toc-list-item vector-toc-level-1"><a href="#" class="vector-toc-link"><div class="vector-toc-text">[[b:(Top)]]</div></a></li>
  <li id="toc-Description" class="vector-toc-list-item vector-toc-level-1"><a class="vector-toc-link" href="#Description"><div class="vector-toc-text"><span>[[b:Description]]</span></div></a></li>
  <li id="toc-Behaviour" class="vector-toc-list-item vector-toc-level-1"><a class="vector-toc-link" href="#Behaviour"><div class="vector-toc-text"><span>[[b:Behaviour]]</span></div></a></li>
  <li id="toc-References" class="vector-toc-list-item vector-toc-level-1"><a class="vector-toc-link" href="#References"><div class="vector-toc-text"><span>[[b:References]]</span></div></a></li></ul></div></nav></div></div>
<div class="mw-content-container"><main id="content" class="mw-body">
  <header class="mw-body-header vector-page-titlebar"><h1 id="firstHeading" class="firstHeading mw-first-heading"><span class="mw-page-title-main">Common swift</span></h1>
    <div id="p-lang-btn" class="vector-dropdown mw-portlet mw-portlet-lang"><label id="p-lang-btn-label" for="p-lang-btn-checkbox" class="vector-dropdown-label cdx-button"><span class="vector-dropdown-label-text">[[b:84 languages]]</span></label></div></header>
  <div class="vector-page-toolbar"><nav aria-label="Namespaces"><ul class="vector-menu-content-list"><li id="ca-nstab-main" class="selected vector-tab-noicon mw-list-item"><a href="/wiki/Common_swift" accesskey="c"><span>[[b:Article]]</span></a></li><li id="ca-talk" class="vector-tab-noicon mw-list-item"><a href="/wiki/Talk:Common_swift" rel="discussion"><span>[[b:Talk]]</span></a></li></ul></nav>
    <nav aria-label="Views"><ul><li id="ca-view" class="selected mw-list-item"><a href="/wiki/Common_swift"><span>[[b:Read]]</span></a></li><li id="ca-edit" class="mw-list-item"><a href="/w/index.php?title=Common_swift&amp;action=edit"><span>[[b:Edit]]</span></a></li><li id="ca-history" class="mw-list-item"><a href="/w/index.php?title=Common_swift&amp;action=history"><span>[[b:View history]]</span></a></li></ul></nav></div>
  <div id="bodyContent" class="vector-body"><div id="siteSub" class="noprint">[[b:From Wikipedia, the free encyclopedia]]</div>
  <div id="mw-content-text" class="mw-body-content"><div class="mw-content-ltr mw-parser-output" lang="en" dir="ltr">
    <div role="note" class="hatnote navigation-not-searchable">[[b:"Swift (bird)" redirects here. For other uses, see Swift (disambiguation).]]</div>
    <table class="infobox biota"><tbody>
      <tr>[[c:<th colspan="2" style="text-align: center; background-color: rgb(235,235,210)">Common swift</th>]]</tr>
      <tr><td colspan="2" class="infobox-image"><img alt="" src="//upload.wikimedia.org/wikipedia/commons/thumb/a/a0/Apus_apus.jpg/220px-Apus_apus.jpg" width="220" height="165"><div class="infobox-caption">[[c:Adult in flight over Spain]]</div></td></tr>
      <tr>[[c:<td>Kingdom:</td><td>Animalia</td>]]</tr>
      <tr>[[c:<td>Order:</td><td>Apodiformes</td>]]</tr>
      <tr>[[c:<td>Family:</td><td>Apodidae</td>]]</tr>
      <tr>[[c:<td>Genus:</td><td>Apus</td>]]</tr>
      <tr>[[c:<td>Species:</td><td>A. apus</td>]]</tr>
    </tbody></table>
    <p>[[c:The common swift (Apus apus) is a medium-sized bird, superficially similar to the barn swallow or house martin but unrelated to those passerine species. It spends most of its life in the air, feeding on insects caught in flight.]]</p>
    <p>[[c:Swifts breed across Europe and much of Asia and winter in sub-Saharan Africa. They often nest in holes in old buildings.]]</p>
    <h2><span class="mw-headline" id="Description">Description</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Common_swift&amp;action=edit&amp;section=1">edit</a><span class="mw-editsection-bracket">]</span></span></h2>
    <p>[[c:The common swift is 16 to 17 cm long with a wingspan of 38 to 40 cm and is entirely blackish-brown except for a small white or pale grey patch on its chin. It has a short forked tail and very long swept-back wings.]]</p>
    <figure class="mw-default-size" typeof="mw:File/Thumb"><a href="/wiki/File:Apus_apus_nest.jpg" class="mw-file-description"><img src="//upload.wikimedia.org/wikipedia/commons/thumb/nest.jpg/220px-nest.jpg" class="mw-file-element" width="220" height="147"></a><figcaption>[[c:Nestlings in a roof cavity]]</figcaption></figure>
    <h2><span class="mw-headline" id="Behaviour">Behaviour</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Common_swift&amp;action=edit&amp;section=2">edit</a><span class="mw-editsection-bracket">]</span></span></h2>
    <p>[[c:Apart from when nesting, swifts spend their lives in the air, living on the insects caught in flight. They drink, feed, and often mate and sleep on the wing. Some individuals go ten months without landing.]]</p>
    <h2><span class="mw-headline" id="References">References</span></h2>
    <div class="reflist"><div class="mw-references-wrap"><ol class="references">
      <li id="cite_note-1"><span class="reference-text">[[c:Hedenström, A. et al. (2016). "Annual 10-Month Aerial Life Phase in the Common Swift". Current Biology. 26 (22): 3066–3070.]]</span></li>
      <li id="cite_note-2"><span class="reference-text">[[c:Chantler, P. (2000). Swifts: A Guide to the Swifts and Treeswifts of the World. Pica Press.]]</span></li>
    </ol></div></div>
    <div role="navigation" class="navbox" aria-labelledby="Apodidae"><table class="nowraplinks navbox-inner"><tbody><tr>[[b:<th scope="col" class="navbox-title" colspan="2">Extant species of swifts</th>]]</tr><tr>[[b:<th class="navbox-group">Apus</th><td class="navbox-list">Common swift · Pallid swift · Alpine swift · Little swift</td>]]</tr></tbody></table></div>
  </div></div>
  <div id="catlinks" class="catlinks" data-mw="interface"><div id="mw-normal-catlinks" class="mw-normal-catlinks"><a href="/wiki/Help:Category">[[b:Categories]]</a><ul><li><a href="/wiki/Category:Apus">[[b:Apus]]</a></li><li><a href="/wiki/Category:Birds_of_Europe">[[b:Birds of Europe]]</a></li><li><a href="/wiki/Category:Birds_described_in_1758">[[b:Birds described in 1758]]</a></li></ul></div></div>
  </div>
</main></div></div></div>
<div class="mw-footer-container"><footer id="footer" class="mw-footer" role="contentinfo"><ul id="footer-info"><li id="footer-info-lastmod">[[b: This page was last edited on 2 March 2024, at 11:26 (UTC).]]</li>
  <li id="footer-info-copyright">[[b:Text is available under the Creative Commons Attribution-ShareAlike License 4.0; additional terms may apply.]]</li></ul>
  <ul id="footer-places"><li id="footer-places-privacy"><a href="https://foundation.wikimedia.org/wiki/Special:MyLanguage/Policy:Privacy_policy">[[b:Privacy policy]]</a></li><li id="footer-places-about"><a href="/wiki/Wikipedia:About">[[b:About]]</a></li><li id="footer-places-disclaimers"><a href="/wiki/Wikipedia:General_disclaimer">[[b:Disclaimers]]</a></li><li id="footer-places-mobileview"><a href="//en.m.wikipedia.org/wiki/Common_swift" class="noprint stopMobileRedirectToggle">[[b:Mobile view]]</a></li></ul></footer></div>
<script>(RLQ=window.RLQ||[]).push(function(){mw.config.set({"wgBackendResponseTime":212});});</script>
</body>
</html>
""",
    "discourse_forum_thread": r"""<!DOCTYPE html>
<html lang="en" class="desktop-view not-mobile-device text-size-normal anon">
<head>
<meta charset="utf-8">
<title>Zigbee door sensor drops off every night around 3am - Configuration - Homestead Community</title>
<meta name="description" content="I have four Aqara door sensors on a SkyConnect stick. Three are fine, one drops off the network almost every night">
<meta name="generator" content="Discourse 3.2.0 - https://github.com/discourse/discourse version 3a9f1c2">
<link href="/stylesheets/desktop_3f2a1c.css?__ws=community.homestead.io" media="all" rel="stylesheet" data-target="desktop">
<script type="application/ld+json">{"@context":"http://schema.org","@type":"DiscussionForumPosting","headline":"Zigbee door sensor drops off every night around 3am","author":{"@type":"Person","name":"kjeld_h"}}</script>
</head>
<body class="crawler">
<header class="d-header"><div class="wrap"><div class="contents"><div class="row"><div class="title span13"><a href="/"><img src="/uploads/default/original/1X/logo.png" alt="Homestead Community" id="site-logo"></a></div>
  <div class="panel clearfix" role="navigation"><a href="/login" class="btn btn-primary btn-small login-button">[[b:Log In]]</a><a href="/signup" class="btn btn-small sign-up-button">[[b:Sign Up]]</a></div></div></div></div></header>
<div id="main-outlet" class="wrap" role="main">
  <div id="topic-title"><h1><a href="/t/zigbee-door-sensor-drops-off-every-night-around-3am/68412">Zigbee door sensor drops off every night around 3am</a></h1>
    <div class="topic-category" itemscope itemtype="http://schema.org/BreadcrumbList"><span itemprop="itemListElement"><a href="/c/configuration/6" class="badge-wrapper bullet" itemprop="item"><span class="badge-category-bg" style="background-color: #0088CC"></span><span class="badge-category clear-badge"><span class="category-name" itemprop="name">[[b:Configuration]]</span></span></a></span>
      <span itemprop="itemListElement"><a href="/c/configuration/zigbee/21" class="badge-wrapper bullet" itemprop="item"><span class="category-name" itemprop="name">[[b:Zigbee category]]</span></a></span></div>
    <div class="topic-list-tags"><a href="/tag/zha" class="discourse-tag">[[b:zha]]</a> <a href="/tag/aqara" class="discourse-tag">[[b:aqara]]</a></div></div>
  <div itemscope itemtype="http://schema.org/DiscussionForumPosting">
  <div id="post_1" class="topic-body crawler-post">
    <div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="/u/kjeld_h"><span itemprop="name">[[c:kjeld_h]]</span></a></span><span class="crawler-post-infos"><time itemprop="datePublished" datetime="2024-01-08T21:14:05Z" class="post-time">[[c:January 8, 2024,  9:14pm]]</time><meta itemprop="position" content="1"></span></div>
    <div class="post" itemprop="text">
      <p>[[c:I have four Aqara door sensors on a SkyConnect stick. Three are fine, one drops off the network almost every night between 3 and 4am and only comes back when I open the door.]]</p>
      <p>[[c:The sensor is about 6 m from the nearest router (an IKEA plug). Log shows this just before it goes unavailable:]]</p>
      <pre><code class="lang-plaintext">[[c:2024-01-08 03:12:44 WARNING (MainThread) [zigpy.application] Device 0x4b2e (00:15:8d:00:07:a1:2c:91) is no longer available
2024-01-08 03:12:44 DEBUG (MainThread) [bellows.zigbee.application] Received incomingRouteErrorHandler frame]]</code></pre>
      <p>[[c:Channel is 15, Wi-Fi is on 1 and 6. Any ideas what else to check?]]</p>
    </div>
    <div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter"><meta itemprop="interactionType" content="http://schema.org/LikeAction"><meta itemprop="userInteractionCount" content="2"><span class="post-likes">[[b:2 Likes]]</span></div>
  </div>
  <div id="post_2" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post">
    <div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="/u/mesh_maria"><span itemprop="name">[[c:mesh_maria]]</span></a></span><span class="crawler-post-infos"><time itemprop="datePublished" datetime="2024-01-08T22:02:41Z" class="post-time">[[c:January 8, 2024, 10:02pm]]</time><meta itemprop="position" content="2"></span></div>
    <div class="post" itemprop="text">
      <p>[[c:Aqara devices are picky about which routers they stay connected to. They often do not handle the parent changing, and IKEA plugs on older firmware are known to drop children.]]</p>
      <p>[[c:Two things worth trying:]]</p>
      <ol><li>[[c:Update the IKEA plug firmware]]</li><li>[[c:Re-pair the sensor next to the coordinator]]</li></ol>
      <aside class="quote no-group" data-username="kjeld_h" data-post="1" data-topic="68412"><div class="title"><img alt="" width="24" height="24" src="/user_avatar/kjeld_h/48/1.png" class="avatar">[[c:kjeld_h:]]</div><blockquote><p>[[c:Channel is 15, Wi-Fi is on 1 and 6.]]</p></blockquote></aside>
      <p>[[c:Channel 15 overlaps a bit with Wi-Fi channel 1 but should be OK unless the router is right next to the stick.]]</p>
    </div>
    <div itemprop="interactionStatistic"><span class="post-likes">[[b:5 Likes]]</span></div>
  </div>
  <div id="post_3" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post">
    <div class="crawler-post-meta"><span class="creator" itemprop="author"><a itemprop="url" href="/u/kjeld_h"><span itemprop="name">[[c:kjeld_h (original poster)]]</span></a></span><span class="crawler-post-infos"><time itemprop="datePublished" datetime="2024-01-12T07:45:00Z" class="post-time">[[c:January 12, 2024,  7:45am]]</time></span></div>
    <div class="post" itemprop="text"><p>[[c:Updating the plug firmware fixed it. Four nights without a dropout. Thanks!]]</p></div>
    <div class="post-likes">[[b:1 Like]]</div>
  </div>
  </div>
  <div id="related-topics" class="more-topics__list" role="complementary" aria-labelledby="related-topics-title"><h3 id="related-topics-title" class="more-topics__list-title">Related topics</h3>
    <div class="topic-list-container" itemscope itemtype="http://schema.org/ItemList"><table class="topic-list"><thead><tr>[[b:<th>Topic</th><th></th><th class="replies">Replies</th><th class="views">Views</th><th>Activity</th>]]</tr></thead><tbody>
      <tr>[[b:<td><a href="/t/aqara-sensors-unavailable-after-restart/55012" class="title raw-link raw-topic-link">Aqara sensors unavailable after restart</a></td><td></td><td class="replies">14</td><td class="views">2.3k</td><td>Nov 2023</td>]]</tr>
      <tr>[[b:<td><a href="/t/skyconnect-channel-recommendations/60877" class="title raw-link raw-topic-link">SkyConnect channel recommendations</a></td><td></td><td class="replies">8</td><td class="views">911</td><td>Dec 2023</td>]]</tr>
    </tbody></table></div></div>
</div>
<footer class="container wrap"><nav class="crawler-nav"><ul><li itemscope itemtype="http://schema.org/SiteNavigationElement"><span itemprop="name"><a href="/" itemprop="url">[[b:Home]] </a></span></li><li><span itemprop="name"><a href="/categories" itemprop="url">[[b:Categories]] </a></span></li><li><span itemprop="name"><a href="/guidelines" itemprop="url">[[b:FAQ/Guidelines]] </a></span></li><li><span itemprop="name"><a href="/tos" itemprop="url">[[b:Terms of Service]] </a></span></li><li><span itemprop="name"><a href="/privacy" itemprop="url">[[b:Privacy Policy]] </a></span></li></ul></nav></footer>
<div class="buorg"><div id="buorg" class="buorg"><div class="buorg-pad">[[b:Unfortunately, your browser is unsupported. Please switch to a supported browser to view rich content, log in and reply.]]</div></div></div>
<footer id="noscript-footer"><p>[[b:Powered by Discourse, best viewed with JavaScript enabled]]</p></footer>
</body>
</html>
""",
    "shopify_product_page": r"""<!doctype html>
<html class="no-js" lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Kōbō Ceramic Pour-Over Dripper &ndash; Hearth &amp; Kiln</title>
<link rel="canonical" href="https://hearthandkiln.com/products/kobo-ceramic-pour-over-dripper">
<link href="//hearthandkiln.com/cdn/shop/t/12/assets/base.css?v=1679840131" rel="stylesheet" type="text/css" media="all">
<script>window.ShopifyAnalytics = window.ShopifyAnalytics || {};window.ShopifyAnalytics.meta = {"product":{"id":8123456789,"vendor":"Hearth \u0026 Kiln","type":"Coffee"}};</script>
<script type="application/ld+json">{"@context":"http://schema.org/","@type":"Product","name":"Kōbō Ceramic Pour-Over Dripper","offers":[{"@type":"Offer","price":"42.00","priceCurrency":"USD","availability":"http://schema.org/InStock"}]}</script>
</head>
<body class="gradient">
<a class="skip-to-content-link button visually-hidden" href="#MainContent">[[b:Skip to content]]</a>
<div id="shopify-section-sections--announcement-bar" class="shopify-section shopify-section-group-header-group announcement-bar-section"><div class="announcement-bar color-accent-1 gradient" role="region" aria-label="Announcement"><div class="page-width"><p class="announcement-bar__message h5"><span>[[b:Free US shipping on orders over $75]]</span></p></div></div></div>
<div id="shopify-section-sections--header" class="shopify-section shopify-section-group-header-group section-header"><sticky-header class="header-wrapper color-background-1 gradient"><header class="header header--middle-left header--mobile-center page-width header--has-menu">
  <a href="/" class="header__heading-link link link--text focus-inset"><span class="h2">[[b:Hearth &amp; Kiln]]</span></a>
  <nav class="header__inline-menu"><ul class="list-menu list-menu--inline" role="list">
    <li><a href="/collections/coffee" class="header__menu-item list-menu__item link link--text focus-inset"><span>[[b:Coffee Gear]]</span></a></li>
    <li><a href="/collections/tableware" class="header__menu-item list-menu__item link link--text focus-inset"><span>[[b:Tableware]]</span></a></li>
    <li><a href="/pages/our-studio" class="header__menu-item list-menu__item link link--text focus-inset"><span>[[b:Our Studio]]</span></a></li>
  </ul></nav>
  <div class="header__icons"><details-modal class="header__search"><summary class="header__icon header__icon--search" aria-haspopup="dialog" aria-label="Search"><span><svg class="icon icon-search" aria-hidden="true"><path d="M0 0"/></svg></span></summary></details-modal>
    <a href="/account/login" class="header__icon header__icon--account link focus-inset"><span class="visually-hidden">[[b:Log in]]</span></a><a href="/cart" class="header__icon header__icon--cart link focus-inset" id="cart-icon-bubble"><span class="visually-hidden">[[b:Cart]]</span></a></div>
</header></sticky-header></div>
<main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1">
<section id="shopify-section-template--main" class="shopify-section section"><section class="page-width section-template--main-padding"><div class="product product--medium product--left product--thumbnail_slider grid grid--1-col grid--2-col-tablet">
  <div class="grid__item product__media-wrapper"><media-gallery id="MediaGallery-template--main" role="region" class="product__column-sticky" aria-label="Gallery Viewer"><div id="GalleryStatus-template--main" class="visually-hidden" role="status"></div><ul class="product__media-list contains-media grid grid--peek list-unstyled slider slider--mobile" role="list"><li class="product__media-item grid__item slider__slide is-active"><div class="product-media-container media-type-image media-fit-contain global-media-settings gradient constrain-height"><img src="//hearthandkiln.com/cdn/shop/products/kobo-white.jpg?v=1679&amp;width=1946" alt="Kōbō dripper in matte white on a glass server" width="1946" height="1946" loading="lazy"></div></li></ul></media-gallery></div>
  <div class="product__info-wrapper grid__item"><section id="ProductInfo-template--main" class="product__info-container product__column-sticky">
    <p class="product__text inline-richtext caption-with-letter-spacing">[[c:Hearth &amp; Kiln Studio]]</p>
    <div class="product__title"><h1>Kōbō Ceramic Pour-Over Dripper</h1></div>
    <div class="no-js-hidden" id="price-template--main" role="status"><div class="price price--large price--show-badge"><div class="price__container"><div class="price__regular"><span class="visually-hidden visually-hidden--inline">[[b:Regular price]]</span><span class="price-item price-item--regular">[[c:$42.00 USD]]</span></div></div></div></div>
    <div class="product__tax caption rte">[[b:Shipping calculated at checkout.]]</div>
    <div class="jdgm-widget jdgm-preview-badge"><div class="jdgm-prev-badge"><span class="jdgm-prev-badge__stars" aria-label="4.9 stars"></span><span class="jdgm-prev-badge__text">[[c:4.9 out of 5 (87 reviews)]]</span></div></div>
    <variant-radios class="no-js-hidden" data-section="template--main"><fieldset class="js product-form__input"><legend class="form__label">[[c:Color]]</legend>
      <input type="radio" id="template--main-1-0" name="Color" value="Matte White" checked><label for="template--main-1-0">[[c:Matte White]]</label>
      <input type="radio" id="template--main-1-1" name="Color" value="Speckled Clay"><label for="template--main-1-1">[[c:Speckled Clay]]</label>
      <input type="radio" id="template--main-1-2" name="Color" value="Charcoal"><label for="template--main-1-2">[[c:Charcoal]]<span class="visually-hidden label-unavailable">[[c:Sold out]]</span></label></fieldset></variant-radios>
    <div class="product-form__input product-form__quantity"><label class="quantity__label form__label" for="Quantity-template--main">[[b:Quantity]]</label><quantity-input class="quantity"><button class="quantity__button no-js-hidden" name="minus" type="button"><span class="visually-hidden">[[b:Decrease quantity for Kōbō Ceramic Pour-Over Dripper]]</span></button><input class="quantity__input" type="number" name="quantity" id="Quantity-template--main" min="1" value="1"><button class="quantity__button no-js-hidden" name="plus" type="button"><span class="visually-hidden">[[b:Increase quantity for Kōbō Ceramic Pour-Over Dripper]]</span></button></quantity-input></div>
    <product-form class="product-form"><form method="post" action="/cart/add" id="product-form-template--main" class="form" enctype="multipart/form-data"><div class="product-form__buttons"><button id="ProductSubmitButton-template--main" type="submit" name="add" class="product-form__submit button button--full-width button--secondary"><span>[[b:Add to cart]]</span></button><div data-shopify="payment-button" class="shopify-payment-button"><button class="shopify-payment-button__button shopify-payment-button__button--unbranded">[[b:Buy it now]]</button></div></div></form></product-form>
    <pickup-availability class="product__pickup-availabilities no-js-hidden quick-add-hidden" available><div class="pickup-availability-info"><p class="caption-large">[[b:Pickup available at Portland Studio]]</p><p class="caption">[[b:Usually ready in 24 hours]]</p></div></pickup-availability>
    <div class="product__description rte quick-add-hidden">
      <p>[[c:A cone dripper thrown on the wheel in our Portland studio and glazed inside and out. Thirty-two spiral ribs keep the filter off the wall so water drains evenly, and the single 5 mm hole gives a steady 2:30–3:00 brew time for a 300 ml cup.]]</p>
      <p>[[c:Fits standard #2 cone filters. Each piece is made by hand, so glaze and size vary slightly.]]</p>
      <ul><li>[[c:Single-hole cone design]]</li><li>[[c:Food-safe stoneware glaze]]</li><li>[[c:Dishwasher safe]]</li></ul>
      <table><tbody><tr>[[c:<td>Height</td><td>9.5 cm</td>]]</tr><tr>[[c:<td>Top diameter</td><td>11.8 cm</td>]]</tr><tr>[[c:<td>Weight</td><td>410 g</td>]]</tr><tr>[[c:<td>Capacity</td><td>1–4 cups</td>]]</tr></tbody></table>
    </div>
    <div class="product__accordion accordion quick-add-hidden"><details id="Details-collapsible-row-0"><summary><div class="summary__title"><h2 class="h4 accordion__title inline-richtext">Shipping &amp; Returns</h2></div></summary><div class="accordion__content rte" id="ProductAccordion-collapsible-row-0"><p>[[b:Orders ship within 2 business days from Portland, Oregon. Unused items can be returned within 30 days for a full refund.]]</p></div></details></div>
    <share-button id="Share-template--main" class="share-button quick-add-hidden"><button class="share-button__button hidden"><svg class="icon icon-share" aria-hidden="true"><path d="M0 0"/></svg>[[b:Share this product]]</button></share-button>
  </section></div>
</div></section></section>
<section id="shopify-section-template--judgeme" class="shopify-section"><div class="jdgm-widget jdgm-review-widget jdgm-outside-widget"><div class="jdgm-rev-widg"><h2 class="jdgm-rev-widg__title">Customer Reviews</h2><div class="jdgm-rev-widg__reviews">
  <div class="jdgm-rev jdgm-divider-top" data-review-id="a1f0"><div class="jdgm-rev__header"><span class="jdgm-rev__rating" data-score="5" aria-label="5 stars"></span><span class="jdgm-rev__timestamp">[[c:02/11/2024]]</span><span class="jdgm-rev__author">[[c:Leah M.]]</span><span class="jdgm-rev__buyer-badge">[[b:Verified Buyer]]</span></div><div class="jdgm-rev__content"><b class="jdgm-rev__title">[[c:Beautiful and brews fast]]</b><div class="jdgm-rev__body"><p>[[c:Replaced my plastic V60 with this. Drains a little faster, so I grind one step finer. Glaze is gorgeous.]]</p></div></div></div>
  <div class="jdgm-rev jdgm-divider-top" data-review-id="a1f1"><div class="jdgm-rev__header"><span class="jdgm-rev__rating" data-score="4" aria-label="4 stars"></span><span class="jdgm-rev__timestamp">[[c:01/29/2024]]</span><span class="jdgm-rev__author">[[c:Sam K.]]</span></div><div class="jdgm-rev__content"><b class="jdgm-rev__title">[[c:Heavier than expected]]</b><div class="jdgm-rev__body"><p>[[c:Great dripper, just preheat it well because it holds a lot of heat.]]</p></div></div></div>
</div></div></div></section>
<section id="shopify-section-template--related" class="shopify-section"><product-recommendations class="related-products page-width section-template--related-padding isolate"><h2 class="related-products__heading inline-richtext h2">You may also like</h2><ul class="grid product-grid grid--4-col-desktop" role="list">
  <li class="grid__item"><div class="card-wrapper product-card-wrapper"><div class="card__content"><div class="card__information"><h3 class="card__heading h5"><a href="/products/glass-server-600ml" class="full-unstyled-link">Glass Server 600 ml</a></h3><div class="price"><span class="price-item price-item--regular">[[b:$28.00 USD]]</span></div></div></div></div></li>
  <li class="grid__item"><div class="card-wrapper product-card-wrapper"><div class="card__content"><div class="card__information"><h3 class="card__heading h5"><a href="/products/cone-filters-100" class="full-unstyled-link">Unbleached Cone Filters (100)</a></h3><div class="price"><span class="price-item price-item--regular">[[b:$7.50 USD]]</span></div></div></div></div></li>
</ul></product-recommendations></section>
</main>
<footer class="footer color-background-1 gradient section-sections--footer-padding"><div class="footer__content-top page-width"><div class="footer-block--newsletter"><div class="footer-block__newsletter"><h2 class="footer-block__heading inline-richtext">Subscribe to our emails</h2><form method="post" action="/contact#contact_form" id="ContactFooter" class="footer__newsletter newsletter-form"><div class="newsletter-form__field-wrapper"><div class="field"><input id="NewsletterForm--footer" type="email" name="contact[email]" class="field__input" placeholder="Email"><label class="field__label" for="NewsletterForm--footer">[[b:Email]]</label><button type="submit" class="newsletter-form__button field__button" name="commit"><span class="visually-hidden">[[b:Subscribe]]</span></button></div></div></form></div></div></div>
  <div class="footer__content-bottom"><div class="footer__copyright caption"><small class="copyright__content">[[b:&copy; 2024, Hearth &amp; Kiln]]</small><small class="copyright__content"><a target="_blank" rel="nofollow" href="https://www.shopify.com?utm_campaign=poweredby">[[b:Powered by Shopify]]</a></small><ul class="policies list-unstyled"><li><a href="/policies/refund-policy">[[b:Refund policy]]</a></li><li><a href="/policies/privacy-policy">[[b:Privacy policy]]</a></li><li><a href="/policies/terms-of-service">[[b:Terms of service]]</a></li></ul></div></div></footer>
<div id="shopify-pc__banner" class="shopify-pc__banner__dialog" role="dialog" aria-modal="true" aria-labelledby="shopify-pc__banner__body-title"><div class="shopify-pc__banner__body"><h2 class="shopify-pc__banner__body-title" id="shopify-pc__banner__body-title">Cookie preferences</h2><div class="shopify-pc__banner__body-policy"><div class="shopify-pc__banner__body-policy-text" id="shopify-pc__banner__body-policy-description">[[k:This website uses cookies to ensure you get the best experience on our website.]] <a href="/policies/privacy-policy" target="_blank" class="shopify-pc__banner__body-policy-link">[[k:Read our Privacy Policy]]</a></div></div></div><div class="shopify-pc__banner__btns"><button class="shopify-pc__banner__btn-manage-prefs" id="shopify-pc__banner__btn-manage-prefs" type="button">[[k:Manage preferences]]</button><button class="shopify-pc__banner__btn-decline" id="shopify-pc__banner__btn-decline" type="button">[[k:Decline]]</button><button class="shopify-pc__banner__btn-accept" id="shopify-pc__banner__btn-accept" type="button">[[k:Accept]]</button></div></div>
</body>
</html>
""",
    "sphinx_docs_page": r"""<!DOCTYPE html>
<html class="writer-html5" lang="en" data-content_root="./">
<head>
  <meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
  <title>Configuration &mdash; tidewater 2.4.1 documentation</title>
  <link rel="stylesheet" type="text/css" href="_static/pygments.css?v=80d5e7a1" />
  <link rel="stylesheet" type="text/css" href="_static/css/theme.css?v=19f00094" />
  <script src="_static/documentation_options.js?v=4a39c7ea"></script>
  <script src="_static/doctools.js?v=888ff710"></script>
  <script async="async" src="/_/static/javascript/readthedocs-doc-embed.js"></script>
</head>
<body class="wy-body-for-nav">
  <div class="wy-grid-for-nav">
    <nav data-toggle="wy-nav-shift" class="wy-nav-side"><div class="wy-side-scroll"><div class="wy-side-nav-search">
      <a href="index.html" class="icon icon-home">[[b:tidewater]]</a><div class="version">[[b:2.4]]</div>
      <div role="search"><form id="rtd-search-form" class="wy-form" action="search.html" method="get"><input type="text" name="q" placeholder="Search docs" aria-label="Search docs" /><input type="hidden" name="check_keywords" value="yes" /></form></div></div>
      <div class="wy-menu wy-menu-vertical" data-spy="affix" role="navigation" aria-label="Navigation menu">
        <p class="caption" role="heading"><span class="caption-text">[[b:User Guide]]</span></p>
        <ul class="current"><li class="toctree-l1"><a class="reference internal" href="install.html">[[b:Installation]]</a></li>
          <li class="toctree-l1"><a class="reference internal" href="quickstart.html">[[b:Quickstart]]</a></li>
          <li class="toctree-l1 current"><a class="current reference internal" href="#">[[b:Configuration]]</a><ul><li class="toctree-l2"><a class="reference internal" href="#environment-variables">[[b:Environment variables]]</a></li><li class="toctree-l2"><a class="reference internal" href="#api">[[b:API]]</a></li></ul></li>
          <li class="toctree-l1"><a class="reference internal" href="changelog.html">[[b:Changelog]]</a></li></ul>
      </div></div></nav>
    <section data-toggle="wy-nav-shift" class="wy-nav-content-wrap"><nav class="wy-nav-top" aria-label="Mobile navigation menu"><i data-toggle="wy-nav-top" class="fa fa-bars"></i><a href="index.html">[[b:tidewater docs]]</a></nav>
      <div class="wy-nav-content"><div class="rst-content">
        <div role="navigation" aria-label="Page navigation"><ul class="wy-breadcrumbs"><li><a href="index.html" class="icon icon-home" aria-label="Home"></a></li><li class="breadcrumb-item active">[[b:Configuration page]]</li><li class="wy-breadcrumbs-aside"><a href="_sources/configuration.rst.txt" rel="nofollow">[[b:View page source]]</a></li></ul><hr/></div>
        <div role="main" class="document" itemscope="itemscope" itemtype="http://schema.org/Article"><div itemprop="articleBody">
  <section id="configuration"><h1>Configuration<a class="headerlink" href="#configuration" title="Link to this heading">¶</a></h1>
  <p>[[c:tidewater reads its settings from a TOML file, then from environment variables, then from keyword arguments. Later sources override earlier ones.]]</p>
  <div class="highlight-toml notranslate"><div class="highlight"><pre><span></span>[[c:# tidewater.toml
[server]
host = "0.0.0.0"
port = 8080
workers = 4]]</pre></div></div>
  <div class="admonition note"><p class="admonition-title">[[c:Note]]</p><p>[[c:The file is looked up in the current directory first, then in $XDG_CONFIG_HOME/tidewater/.]]</p></div>
  <table class="docutils align-default"><thead><tr class="row-odd">[[c:<th class="head"><p>Option</p></th><th class="head"><p>Type</p></th><th class="head"><p>Default</p></th><th class="head"><p>Description</p></th>]]</tr></thead><tbody>
    <tr class="row-even">[[c:<td><p>host</p></td><td><p>str</p></td><td><p>127.0.0.1</p></td><td><p>Interface to bind.</p></td>]]</tr>
    <tr class="row-odd">[[c:<td><p>port</p></td><td><p>int</p></td><td><p>8000</p></td><td><p>TCP port.</p></td>]]</tr>
    <tr class="row-even">[[c:<td><p>workers</p></td><td><p>int</p></td><td><p>1</p></td><td><p>Number of worker processes.</p></td>]]</tr>
    <tr class="row-odd">[[c:<td><p>timeout</p></td><td><p>float</p></td><td><p>30.0</p></td><td><p>Seconds before a request is cancelled.</p></td>]]</tr>
  </tbody></table>
  <section id="environment-variables"><h2>Environment variables<a class="headerlink" href="#environment-variables" title="Link to this heading">¶</a></h2>
  <p>[[c:Every option can be set with an environment variable named after it, upper-cased, with the prefix TIDE_. Nested tables are joined with a double underscore:]]</p>
  <div class="highlight-console notranslate"><div class="highlight"><pre><span></span>[[c:$ export TIDE_SERVER__PORT=9000
$ tidewater serve]]</pre></div></div></section>
  <section id="api"><h2>API<a class="headerlink" href="#api" title="Link to this heading">¶</a></h2>
  <dl class="py function"><dt class="sig sig-object py" id="tidewater.load_config"><span class="sig-prename descclassname"><span class="pre">[[c:tidewater.]]</span></span><span class="sig-name descname"><span class="pre">[[c:load_config]]</span></span><span class="sig-paren">[[c:(path=None, *, env_prefix='TIDE_')]]</span></dt>
  <dd><p>[[c:Load configuration from all sources and return a frozen Config object.]]</p>
    <dl class="field-list simple"><dt class="field-odd">[[c:Parameters]]</dt><dd class="field-odd"><ul class="simple"><li><p>[[c:path – explicit path to a TOML file; skips the lookup.]]</p></li><li><p>[[c:env_prefix – prefix for environment variables.]]</p></li></ul></dd>
    <dt class="field-even">[[c:Raises]]</dt><dd class="field-even"><p>[[c:ConfigError – if a value has the wrong type.]]</p></dd></dl></dd></dl></section>
  </section>
        </div></div>
        <footer><div class="rst-footer-buttons" role="navigation" aria-label="Footer"><a href="quickstart.html" class="btn btn-neutral float-left" title="Quickstart" accesskey="p" rel="prev"><span class="fa fa-arrow-circle-left" aria-hidden="true"></span>[[b: Previous]]</a><a href="changelog.html" class="btn btn-neutral float-right" title="Changelog" accesskey="n" rel="next">[[b:Next ]]<span class="fa fa-arrow-circle-right" aria-hidden="true"></span></a></div><hr/>
          <div role="contentinfo"><p>[[b:&#169; Copyright 2024, the tidewater contributors.]]</p></div>[[b:Built with ]]<a href="https://www.sphinx-doc.org/">[[b:Sphinx]]</a>[[b: using a ]]<a href="https://github.com/readthedocs/sphinx_rtd_theme">[[b:theme]]</a>[[b: provided by ]]<a href="https://readthedocs.org">[[b:Read the Docs]]</a>
        </footer>
      </div></div>
    </section>
  </div>
  <div id="ethical-ad-placement" class="flat" data-ea-publisher="readthedocs" data-ea-type="readthedocs-sidebar"><div class="ea-placement ea-type-image"><div class="ea-content"><a href="https://server.ethicalads.io/proxy/click/3321/" rel="nofollow noopener sponsored" target="_blank"><span class="ea-text"><strong>[[b:Observability without the bill shock.]]</strong>[[b: Try Gridline free for 14 days.]]</span></a></div><div class="ea-callout"><a href="https://www.ethicalads.io/advertisers/?ref=ea-text" rel="nofollow noopener sponsored" target="_blank">[[b:Ads by EthicalAds]]</a></div></div></div>
  <div class="rst-versions" data-toggle="rst-versions" role="note" aria-label="Versions"><span class="rst-current-version" data-toggle="rst-current-version"><span class="fa fa-book">[[b: Read the Docs flyout]]</span>[[b: v: stable ]]<span class="fa fa-caret-down"></span></span>
    <div class="rst-other-versions"><dl><dt>[[b:Versions]]</dt><dd><a href="/en/latest/">[[b:latest]]</a></dd><dd><a href="/en/stable/">[[b:stable]]</a></dd><dd><a href="/en/2.3.x/">[[b:2.3.x]]</a></dd></dl><dl><dt>[[b:Downloads]]</dt><dd><a href="//tidewater.readthedocs.io/_/downloads/en/stable/pdf/">[[b:PDF]]</a></dd></dl><dl><dt>[[b:On Read the Docs]]</dt><dd><a href="//readthedocs.org/projects/tidewater/">[[b:Project Home]]</a></dd><dd><a href="//readthedocs.org/projects/tidewater/builds/">[[b:Builds]]</a></dd></dl></div></div>
  <script>jQuery(function () { SphinxRtdTheme.Navigation.enable(true); });</script>
</body>
</html>
""",
    "stackexchange_question": r"""<!DOCTYPE html>
<html class="html__responsive" lang="en">
<head>
<title>python - Why does pandas groupby silently drop rows where the key is NaN? - Stack Overflow</title>
<meta name="viewport" content="width=device-width, height=device-height, initial-scale=1.0, minimum-scale=1.0">
<link rel="stylesheet" type="text/css" href="https://cdn.sstatic.net/Shared/stacks.css?v=7b1b8e6b1ed4">
<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" data-domain-script="1b8cd4f0-2e7b-4d2a-9f3d-6a1c0ef1b3aa" charset="UTF-8"></script>
<script>StackExchange.init({"locale":"en","serverTime":1712140001,"routeName":"Questions/Show"});</script>
</head>
<body class="question-page unified-theme">
<div id="notify-container"></div>
<a href="#content" class="s-btn s-btn__primary _ps-fixed z-nav-fixed ws-nowrap s-topbar--skip-link">[[b:Skip to main content]]</a>
<header class="s-topbar ps-fixed t0 l0 js-top-bar"><div class="s-topbar--container">
  <a href="https://stackoverflow.com" class="s-topbar--logo js-gps-track"><span class="-img _glyph">[[b:Stack Overflow]]</span></a>
  <ol class="s-navigation" role="presentation"><li><a href="https://stackoverflow.co/" class="s-navigation--item js-gps-track">[[b:About]]</a></li><li><a href="https://stackoverflow.co/teams/" class="s-navigation--item">[[b:For Teams]]</a></li></ol>
  <form id="search" role="search" action="/search" class="s-topbar--searchbar js-searchbar" autocomplete="off"><div class="s-topbar--searchbar--input-group"><input name="q" type="text" role="combobox" placeholder="Search&#x2026;" aria-label="Search" class="s-input s-input__search js-search-field"></div></form>
  <nav class="h100 ml-auto overflow-x-auto pr12"><ol class="s-topbar--content" role="menubar"><li role="none"><a href="https://stackoverflow.com/users/login?ssrc=head" class="s-topbar--item s-topbar--item__unset s-btn s-btn__filled ws-nowrap js-gps-track" role="menuitem" rel="nofollow">[[b:Log in]]</a></li><li role="none"><a href="https://stackoverflow.com/users/signup?ssrc=head" class="s-topbar--item s-topbar--item__unset ml4 s-btn s-btn__primary ws-nowrap" role="menuitem" rel="nofollow">[[b:Sign up]]</a></li></ol></nav>
</div></header>
<div class="container"><div id="left-sidebar" data-is-here-when="md lg" class="left-sidebar js-pinned-left-sidebar ps-relative"><nav role="navigation"><ol class="nav-links">
  <li class="ps-relative"><a href="/" class="pl8 js-gps-track nav-links--link"><div class="d-flex ai-center"><div class="flex--item truncate">[[b:Home]]</div></div></a></li>
  <li class="ps-relative youarehere"><a id="nav-questions" href="/questions" class="nav-links--link">[[b:Questions]]</a></li><li><a id="nav-tags" href="/tags" class="nav-links--link">[[b:Tags]]</a></li><li><a id="nav-users" href="/users" class="nav-links--link">[[b:Users]]</a></li></ol></nav></div>
<div id="content" class="snippet-hidden"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
  <div id="question-header" class="d-flex sm:fd-column"><h1 itemprop="name" class="fs-headline1 ow-break-word mb8 flex--item fl1"><a href="/questions/70123456/why-does-pandas-groupby-silently-drop-rows" class="question-hyperlink">Why does pandas groupby silently drop rows where the key is NaN?</a></h1><div class="ml12 aside-cta flex--item sm:ml0 sm:mb12 sm:order-first d-flex jc-end"><a href="/questions/ask" class="ws-nowrap s-btn s-btn__primary">[[b:Ask Question]]</a></div></div>
  <div class="d-flex fw-wrap pb8 mb16 bb bc-black-225"><div class="flex--item ws-nowrap mr16 mb8" title="2022-02-03 14:20:11Z"><span class="fc-black-400 mr2">[[c:Asked]]</span><time itemprop="dateCreated" datetime="2022-02-03T14:20:11">[[c:2 years, 2 months ago]]</time></div><div class="flex--item ws-nowrap mr16 mb8"><span class="fc-black-400 mr2">[[c:Modified]]</span><a href="?lastactivity" class="s-link s-link__inherit" title="2023-11-20 09:02:47Z">[[c:4 months ago]]</a></div><div class="flex--item ws-nowrap mb8" title="Viewed 18,204 times"><span class="fc-black-400 mr2">[[c:Viewed]]</span>[[c: 18k times]]</div></div>
  <div id="mainbar" role="main" aria-label="question and answers"><div class="question js-question" data-questionid="70123456" id="question"><div class="post-layout">
    <div class="votecell post-layout--left"><div class="js-voting-container d-flex jc-center fd-column ai-stretch gs4 fc-black-300"><div class="js-vote-count flex--item d-flex fd-column ai-center fc-theme-body-font fw-bold fs-subheading py4" itemprop="upvoteCount" data-value="42">[[c:42]]</div></div></div>
    <div class="postcell post-layout--right"><div class="s-prose js-post-body" itemprop="text">
      <p>[[c:I have a DataFrame where some rows have NaN in the column I group by. After the groupby those rows are simply gone from the result:]]</p>
      <pre class="lang-py s-code-block"><code class="hljs language-python">[[c:df = pd.DataFrame({"k": ["a", None, "a"], "v": [1, 2, 3]})
df.groupby("k")["v"].sum()
# k
# a    4
# Name: v, dtype: int64]]</code></pre>
      <p>[[c:Is this documented anywhere? How do I keep them as their own group?]]</p></div>
      <div class="mt24 mb12"><div class="post-taglist d-flex gs4 gsy fd-column"><ul class="ml0 list-ls-none js-post-tag-list-wrapper d-inline"><li class="d-inline mr4 js-post-tag-list-item"><a href="/questions/tagged/python" class="post-tag" rel="tag">[[b:python]]</a></li><li class="d-inline mr4 js-post-tag-list-item"><a href="/questions/tagged/pandas" class="post-tag" rel="tag">[[b:pandas]]</a></li><li class="d-inline mr4 js-post-tag-list-item"><a href="/questions/tagged/group-by" class="post-tag" rel="tag">[[b:group-by]]</a></li></ul></div></div>
      <div class="mb0"><div class="mt16 d-flex gs8 gsy fw-wrap jc-end ai-start pt4 mb16"><div class="flex--item mr16 fl1 w96"><div class="js-post-menu pt2"><div class="d-flex gs8 s-anchors s-anchors__muted fw-wrap"><div class="flex--item"><a href="/q/70123456" rel="nofollow" class="js-share-link js-gps-track">[[b:Share]]</a></div><div class="flex--item"><a href="/posts/70123456/edit" class="js-suggest-edit-post js-gps-track">[[b:Improve this question]]</a></div><div class="flex--item"><button type="button" class="s-btn s-btn__link js-follow-post">[[b:Follow]]</button></div></div></div></div>
        <div class="post-signature owner flex--item"><div class="user-info"><div class="user-action-time">[[c:asked Feb 3, 2022 at 14:20]]</div><div class="user-details" itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="/users/1188201/nmarsh">[[c:nmarsh]]</a><div class="-flair"><span class="reputation-score" title="reputation score" dir="ltr">[[b:1,204]]</span><span title="11 bronze badges"><span class="badge3"></span><span class="badgecount">[[b:11]]</span></span></div></div></div></div></div></div>
    </div>
    <div class="post-layout--right js-post-comments-component"><div id="comments-70123456" class="comments js-comments-container bt bc-black-075 mt12"><ul class="comments-list js-comments-list">
      <li id="comment-124001" class="comment js-comment"><div class="js-comment-actions comment-actions"><div class="comment-score js-comment-edit-hide"><span title="number of 'useful comment' votes received" class="cool">[[c:14]] </span></div></div><div class="comment-text js-comment-text-and-form"><div class="comment-body js-comment-edit-hide"><span class="comment-copy">[[c:Which pandas version? The default changed behaviour for some aggregations in 1.1.]]</span><div class="d-inline-flex ai-center"><a href="/users/55012/pvr" class="comment-user">[[c:pvr]]</a></div><span class="comment-date" dir="ltr"><span class="relativetime-clean" title="2022-02-03 14:31:05Z">[[c:Feb 3, 2022 at 14:31]]</span></span></div></div></li>
    </ul></div><div id="comments-link-70123456"><a class="js-add-link comments-link disabled-link" title="Use comments to ask for more information or suggest improvements." href="#" role="button">[[b:Add a comment]]</a></div></div>
  </div></div>
  <div id="answers"><div id="answers-header"><div class="answers-subheader d-flex ai-center mb8"><div class="flex--item fl1"><h2 class="mb0" data-answercount="2">2 Answers</h2></div><div class="flex--item"><div class="d-flex g4 gsx ai-center sm:fd-column sm:ai-start"><label class="flex--item fs-caption" for="answer-sort-dropdown-select-menu">[[b:Sorted by:]]</label><select id="answer-sort-dropdown-select-menu" class="s-select"><option value="scoredesc" selected>[[b:Highest score (default)]]</option><option value="modifieddesc">[[b:Date modified (newest first)]]</option></select></div></div></div></div>
    <div id="answer-70123790" class="answer js-answer accepted-answer js-accepted-answer" data-answerid="70123790" itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><div class="post-layout"><div class="votecell post-layout--left"><div class="js-vote-count flex--item d-flex fd-column ai-center fc-theme-body-font fw-bold fs-subheading py4" itemprop="upvoteCount" data-value="57">[[c:57]]</div></div>
      <div class="answercell post-layout--right"><div class="s-prose js-post-body" itemprop="text">
        <p>[[c:Yes, it is documented: groupby excludes NA keys by default. Since pandas 1.1 you can keep them with the dropna argument:]]</p>
        <pre class="lang-py s-code-block"><code class="hljs language-python">[[c:df.groupby("k", dropna=False)["v"].sum()
# k
# a      4
# NaN    2]]</code></pre>
        <p>[[c:On older versions, fill the key with a sentinel value first, e.g. df["k"].fillna("missing").]]</p></div>
        <div class="post-signature flex--item fl0"><div class="user-info"><div class="user-action-time">[[c:answered Feb 3, 2022 at 15:02]]</div><div class="user-details" itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="/users/903114/t-okafor">[[c:T. Okafor]]</a><div class="-flair"><span class="reputation-score" title="reputation score 48,120" dir="ltr">[[b:48.1k]]</span></div></div></div></div></div></div></div>
    <div id="answer-70124555" class="answer js-answer" data-answerid="70124555" itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer"><div class="post-layout"><div class="votecell post-layout--left"><div class="js-vote-count" itemprop="upvoteCount" data-value="12">[[c:12]]</div></div>
      <div class="answercell post-layout--right"><div class="s-prose js-post-body" itemprop="text"><p>[[c:Worth knowing that the same default applies to pivot_table and value_counts, which also drop NaN unless you pass dropna=False.]]</p></div>
        <div class="post-signature flex--item fl0"><div class="user-info"><div class="user-action-time">[[c:answered Feb 4, 2022 at 8:47]]</div><div class="user-details"><a href="/users/77310/lina-s">[[c:Lina S]]</a></div></div></div></div></div></div>
    <h2 class="bottom-notice" data-loc="1">Not the answer you're looking for? Browse other questions tagged python pandas group-by or ask your own question.</h2></div>
  </div>
  <div id="sidebar" class="show-votes" role="complementary" aria-label="sidebar"><div class="s-sidebarwidget s-sidebarwidget__yellow s-anchors s-anchors__grayen"><ul class="d-block p0 m0"><li class="s-sidebarwidget--header s-sidebarwidget__small-bold-text fc-black-600 d-block">[[b:The Overflow Blog]]</li><li class="s-sidebarwidget--item d-flex px16"><a href="https://stackoverflow.blog/2024/04/02/developers-ai/" class="js-gps-track">[[b:What developers really think about AI code review]]</a></li></ul></div>
    <div class="module sidebar-related"><h4 id="h-related">Related</h4><div class="related js-gps-related-questions"><div class="spacer"><a href="/q/18429491" class="question-hyperlink">[[b:pandas GroupBy columns with NaN (missing) values]]</a></div><div class="spacer"><a href="/q/39061075" class="question-hyperlink">[[b:Groupby with missing keys returns empty frame]]</a></div></div></div></div>
</div></div></div>
<footer id="footer" class="site-footer"><div class="site-footer--container"><nav class="site-footer--nav"><ul class="-list"><li><a href="/help" class="js-gps-track -link">[[b:Help]]</a></li><li><a href="https://chat.stackoverflow.com" class="-link">[[b:Chat]]</a></li><li><a href="https://stackoverflow.com/legal/privacy-policy" class="-link">[[b:Privacy Policy]]</a></li><li><a href="https://stackoverflow.com/legal/terms-of-service/public" class="-link">[[b:Terms of Service]]</a></li><li><a href="#" class="-link js-gps-track" id="footer-cookie-settings">[[b:Cookie Settings]]</a></li></ul></nav>
  <p class="site-footer--copyright fs-fine md:mt24">[[b:Site design / logo &#169; 2024 Stack Exchange Inc; user contributions licensed under CC BY-SA.]]</p></div></footer>
<div id="onetrust-consent-sdk"><div class="onetrust-pc-dark-filter ot-fade-in"></div><div id="onetrust-banner-sdk" class="otFlat ot-wo-title" tabindex="0" role="region" aria-label="Cookie banner"><div role="dialog" aria-label="Privacy"><div class="ot-sdk-container"><div class="ot-sdk-row"><div id="onetrust-group-container" class="ot-sdk-eight ot-sdk-columns"><div id="onetrust-policy"><div id="onetrust-policy-text">[[k:By clicking “Accept all cookies”, you agree Stack Exchange can store cookies on your device and disclose information in accordance with our]] <a href="https://stackoverflow.com/legal/privacy-policy#cookies" class="ot-cookie-policy-link" target="_blank">[[k:Cookie Policy]]</a></div></div></div>
  <div id="onetrust-button-group-parent" class="ot-sdk-three ot-sdk-columns"><div id="onetrust-button-group"><button id="onetrust-accept-btn-handler">[[k:Accept all cookies]]</button><button id="onetrust-reject-all-handler">[[k:Necessary cookies only]]</button><button id="onetrust-pc-btn-handler" class="cookie-setting-link">[[k:Customize settings]]</button></div></div></div></div></div></div>
  <div id="onetrust-pc-sdk" class="otPcCenter ot-hide ot-fade-in" lang="en" aria-label="Preference center" role="region"><div role="dialog" aria-modal="true" style="height: 100%;"><div class="ot-pc-header"><div class="ot-pc-logo" role="img" aria-label="Company Logo"></div><button id="close-pc-btn-handler" class="ot-close-icon" aria-label="Close"></button></div>
    <div id="ot-pc-content" class="ot-pc-scrollbar"><div class="ot-optout-signal ot-hide"><div class="ot-optout-icon"></div><span></span></div><h2 id="ot-pc-title">Privacy Preference Center</h2><div id="ot-pc-desc">[[k:When you visit any website, it may store or retrieve information on your browser, mostly in the form of cookies. This information might be about you, your preferences or your device and is mostly used to make the site work as you expect it to.]]</div><button id="accept-recommended-btn-handler">[[k:Allow All]]</button>
      <section class="ot-sdk-row ot-cat-grp"><h3 id="ot-category-title">Manage Consent Preferences</h3><div class="ot-accordion-layout ot-cat-item" data-optanongroupid="C0001"><div class="ot-acc-hdr ot-always-active-group"><h4 class="ot-cat-header" id="ot-header-id-C0001">Strictly Necessary Cookies</h4><div class="ot-always-active">[[k:Always Active]]</div></div><div class="ot-acc-grpcntr ot-acc-txt"><p class="ot-acc-grpdesc ot-category-desc" id="ot-desc-id-C0001">[[k:These cookies are necessary for the website to function and cannot be switched off in our systems.]]</p></div></div></section></div>
    <div class="ot-pc-footer"><div class="ot-btn-container"><button class="save-preference-btn-handler onetrust-close-btn-handler">[[k:Confirm My Choices]]</button></div><div class="ot-pc-footer-logo"><a href="https://www.onetrust.com/products/cookie-consent/" target="_blank" rel="noopener noreferrer" aria-label="Powered by OneTrust Opens in a new window"></a></div></div></div></div></div>
</body>
</html>
""",
    "recipe_with_jsonld": r"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Overnight Rosemary Focaccia (No Knead) - Flour &amp; Fern</title>
<link rel='stylesheet' id='wprm-public-css' href='https://flourandfern.com/wp-content/plugins/wp-recipe-maker/dist/public-modern.css?ver=9.2.1' media='all' />
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Article","headline":"Overnight Rosemary Focaccia (No Knead)","author":{"name":"Maren Holt"},"datePublished":"2023-10-02T07:00:00+00:00"},{"@type":"Recipe","name":"Overnight Rosemary Focaccia","author":{"@type":"Person","name":"Maren Holt"},"prepTime":"PT15M","cookTime":"PT25M","totalTime":"PT14H","recipeYield":["12","1 half-sheet pan"],"recipeIngredient":["500 g bread flour","400 g lukewarm water","10 g fine sea salt","3 g instant yeast","60 ml olive oil","2 sprigs rosemary","flaky salt"],"recipeInstructions":[{"@type":"HowToStep","text":"Mix flour, water, salt and yeast until no dry flour remains."},{"@type":"HowToStep","text":"Cover and refrigerate 12 to 18 hours."}],"aggregateRating":{"@type":"AggregateRating","ratingValue":"4.86","ratingCount":"213"},"nutrition":{"@type":"NutritionInformation","calories":"198 kcal"}}]}</script>
<script type="text/javascript" async="async" data-noptimize="1" data-cfasync="false" src="//scripts.mediavine.com/tags/flour-and-fern.js?ver=6.4.3"></script>
</head>
<body class="post-template-default single single-post postid-4410 grow-content-body">
<div id="didomi-host" data-nosnippet="true"><div class="didomi-notice-banner didomi-notice-banner-bottom" id="didomi-notice" role="region" aria-label="Consent notice"><div class="didomi-notice__interior-border"><div class="didomi-notice-text" id="didomi-notice-text">[[k:We and our partners use cookies and similar technologies to store and access personal data such as browsing behaviour and to show you relevant ads. You can change your choices at any time by clicking Consent Choices at the bottom of the page.]]</div>
  <div class="didomi-notice-data-processing-container"><span class="didomi-notice-data-processing-title">[[k:Our partners and we process data to:]]</span><span class="didomi-notice-data-processing-list">[[k:Store and/or access information on a device, Personalised advertising and content, advertising and content measurement.]]</span></div>
  <div id="buttons" class="didomi-buttons didomi-buttons-horizontal"><button class="didomi-components-button didomi-button didomi-button-standard standard-button" id="didomi-notice-learn-more-button" aria-label="Learn More: Configure your consents"><span>[[k:Learn More →]]</span></button><button id="didomi-notice-disagree-button" class="didomi-components-button didomi-button didomi-disagree-button"><span>[[k:Disagree and close]]</span></button><button id="didomi-notice-agree-button" class="didomi-components-button didomi-button didomi-dismiss-button"><span>[[k:Agree and close]]</span></button></div></div></div></div>
<div class="site-container"><header class="site-header"><div class="wrap"><div class="title-area"><p class="site-title"><a href="https://flourandfern.com/">[[b:Flour &amp; Fern]]</a></p></div>
  <nav class="nav-primary" aria-label="Main"><ul id="menu-primary" class="menu genesis-nav-menu menu-primary"><li class="menu-item"><a href="/recipes/"><span>[[b:Recipes]]</span></a></li><li class="menu-item"><a href="/category/bread/"><span>[[b:Bread]]</span></a></li><li class="menu-item"><a href="/category/dessert/"><span>[[b:Desserts]]</span></a></li><li class="menu-item"><a href="/about/"><span>[[b:About Maren]]</span></a></li><li class="menu-item search"><a href="#search"><span>[[b:Search recipes]]</span></a></li></ul></nav></div></header>
<div class="site-inner"><div class="content-sidebar-wrap"><main class="content" id="genesis-content">
<div class="breadcrumb"><span><span><a href="https://flourandfern.com/">[[b:Home]]</a></span><span class="breadcrumb-sep" aria-hidden="true"></span><span><a href="/category/bread/">[[b:Bread recipes]]</a></span></span></div>
<article class="post-4410 post type-post status-publish entry" aria-label="Overnight Rosemary Focaccia (No Knead)"><header class="entry-header"><h1 class="entry-title">Overnight Rosemary Focaccia (No Knead)</h1>
  <p class="entry-meta">[[c:By]] <span class="entry-author"><a href="/about/" class="entry-author-link"><span class="entry-author-name">[[c:Maren Holt]]</span></a></span><span class="entry-modified-time">[[c:Updated: October 2, 2023]]</span> <span class="entry-comments-link"><a href="#comments">[[b:48 Comments]]</a></span></p>
  <div class="wprm-recipe-snippet wprm-block-text-normal"><a href="#recipe" data-recipe="4415" class="wprm-recipe-jump wprm-recipe-link wprm-jump-to-recipe-shortcode wprm-block-text-normal">[[b:Jump to Recipe]]</a><a href="/wprm_print/4415" class="wprm-recipe-print wprm-recipe-link wprm-print-recipe-shortcode" target="_blank" rel="nofollow">[[b:Print Recipe]]</a></div>
  <p class="disclosure"><em>[[b:This post may contain affiliate links. Please read our disclosure policy.]]</em></p></header>
<div class="entry-content">
  <p>[[c:This is the focaccia I make when friends are coming over and I have ten minutes of hands-on time to spare. The dough is mixed the night before, rests in the fridge, and goes into the pan in the morning.]]</p>
  <p>[[c:A long cold rest gives the crumb big irregular holes and a faint sourdough tang without any starter.]]</p>
  <div class="mv-ad-box" data-slotname="content_1_wrapper"><div class="mv-ad-label">[[b:ADVERTISEMENT]]</div><div id="content_1" class="adunit"></div></div>
  <h2 class="wp-block-heading">Tips for the best focaccia</h2>
  <ul><li>[[c:Use plenty of olive oil in the pan; it fries the bottom crust.]]</li><li>[[c:Dimple with oiled fingers, pressing all the way down.]]</li><li>[[c:Bake on the lowest rack so the base browns.]]</li></ul>
  <div id="recipe"></div><div id="wprm-recipe-container-4415" class="wprm-recipe-container" data-recipe-id="4415"><div class="wprm-recipe wprm-recipe-template-flourfern">
    <h2 class="wprm-recipe-name wprm-block-text-bold">Overnight Rosemary Focaccia</h2>
    <div class="wprm-recipe-rating"><span class="wprm-recipe-rating-details wprm-block-text-normal">[[c:4.86 from 213 votes]]</span></div>
    <div class="wprm-recipe-summary wprm-block-text-normal"><span style="display: block;">[[c:A crisp, olive-oil-rich focaccia with an open crumb and almost no kneading.]]</span></div>
    <div class="wprm-recipe-meta-container wprm-recipe-times-container">
      <div class="wprm-recipe-block-container wprm-recipe-time-container"><span class="wprm-recipe-details-label wprm-block-text-faded">[[c:Prep Time]] </span><span class="wprm-recipe-time wprm-block-text-normal">[[c:15 mins]]</span></div>
      <div class="wprm-recipe-block-container wprm-recipe-time-container"><span class="wprm-recipe-details-label wprm-block-text-faded">[[c:Cook Time]] </span><span class="wprm-recipe-time wprm-block-text-normal">[[c:25 mins]]</span></div>
      <div class="wprm-recipe-block-container wprm-recipe-time-container"><span class="wprm-recipe-details-label wprm-block-text-faded">[[c:Resting]] </span><span class="wprm-recipe-time wprm-block-text-normal">[[c:13 hrs 20 mins]]</span></div>
      <div class="wprm-recipe-block-container wprm-recipe-servings-container"><span class="wprm-recipe-details-label">[[c:Servings]] </span><span class="wprm-recipe-servings">[[c:12 pieces]]</span></div></div>
    <div class="wprm-recipe-ingredients-container"><h3 class="wprm-recipe-header wprm-recipe-ingredients-header">Ingredients</h3><div class="wprm-recipe-ingredient-group"><ul class="wprm-recipe-ingredients">
      <li class="wprm-recipe-ingredient">[[c:500 g bread flour]]</li>
      <li class="wprm-recipe-ingredient">[[c:400 g lukewarm water]]</li>
      <li class="wprm-recipe-ingredient">[[c:10 g fine sea salt]]</li>
      <li class="wprm-recipe-ingredient">[[c:3 g instant yeast]]</li>
      <li class="wprm-recipe-ingredient">[[c:60 ml olive oil, divided]]</li>
      <li class="wprm-recipe-ingredient">[[c:2 sprigs rosemary]]</li>
      <li class="wprm-recipe-ingredient">[[c:flaky salt]]</li></ul></div></div>
    <div class="wprm-recipe-instructions-container"><h3 class="wprm-recipe-header wprm-recipe-instructions-header">Instructions</h3><ul class="wprm-recipe-instructions">
      <li class="wprm-recipe-instruction"><div class="wprm-recipe-instruction-text">[[c:Mix flour, water, salt and yeast in a large bowl until no dry flour remains. Cover.]]</div></li>
      <li class="wprm-recipe-instruction"><div class="wprm-recipe-instruction-text">[[c:Refrigerate 12 to 18 hours.]]</div></li>
      <li class="wprm-recipe-instruction"><div class="wprm-recipe-instruction-text">[[c:Pour half the oil into a 33 × 23 cm pan, tip in the dough and leave at room temperature for about 1 hour.]]</div></li>
      <li class="wprm-recipe-instruction"><div class="wprm-recipe-instruction-text">[[c:Dimple, scatter rosemary and flaky salt, drizzle with the remaining oil and bake at 230 °C for 22–25 minutes.]]</div></li></ul></div>
    <div class="wprm-nutrition-label-container wprm-nutrition-label-container-simple"><span class="wprm-nutrition-label-text-nutrition-container"><span class="wprm-nutrition-label-text-nutrition-label">[[c:Calories: ]]</span><span class="wprm-nutrition-label-text-nutrition-value">[[c:198kcal]]</span></span></div>
    <div class="wprm-call-to-action wprm-call-to-action-simple"><span class="wprm-call-to-action-text-container"><span class="wprm-call-to-action-header">[[b:Tried this recipe?]]</span><span class="wprm-call-to-action-text">[[b:Mention @flourandfern or tag #flourandfern!]]</span></span></div>
  </div></div>
</div>
<div class="after-entry widget-area"><section class="widget enews-widget"><div class="enews"><h3 class="widgettitle widget-title">Never miss a bake</h3><p>[[b:Get new recipes delivered to your inbox every Sunday.]]</p><form method="post" action="https://app.convertkit.com/forms/1234/subscriptions"><input type="email" name="email_address" placeholder="Your email"><input type="submit" value="Subscribe"></form></div></section></div>
<div class="entry-comments" id="comments"><h3>Comments</h3><ol class="comment-list">
  <li class="comment" id="comment-20311"><article><header class="comment-header"><p class="comment-author"><span class="comment-author-name">[[c:Priyanka]]</span></p><p class="comment-meta"><time class="comment-time" datetime="2023-11-04T18:22:31-05:00">[[c:November 4, 2023 at 6:22 pm]]</time></p></header><div class="comment-content"><div class="wprm-comment-rating"><span class="wprm-rating-star wprm-rating-star-full">[[c:★★★★★]]</span></div><p>[[c:Made this twice now. Second time I let it go 24 hours in the fridge and it was even better.]]</p></div><div class="comment-reply"><a rel="nofollow" class="comment-reply-link" href="#comment-20311">[[b:Reply]]</a></div></article></li>
</ol></div>
</article>
</main>
<aside class="sidebar sidebar-primary widget-area" role="complementary" aria-label="Primary Sidebar"><section class="widget widget_text"><div class="textwidget"><p>[[b:Hi, I'm Maren! I bake bread in a tiny kitchen in Vermont and write down what works.]]</p></div></section><div class="mv-sticky-slot"><div class="mv-ad-label">[[b:Sponsored]]</div><div id="sidebar_1" class="adunit"></div></div></aside>
</div></div>
<footer class="site-footer"><div class="wrap"><p>[[b:Copyright &#x000A9; 2024 Flour &amp; Fern]]</p><ul class="footer-links"><li><a href="/privacy-policy/">[[b:Privacy Policy]]</a></li><li><a href="/accessibility/">[[b:Accessibility]]</a></li><li><a href="#" onclick="Didomi.preferences.show()">[[b:Consent Choices]]</a></li></ul><p class="mv-footer">[[b:A Mediavine Publisher]]</p></div></footer>
</div>
</body>
</html>
""",
    "gov_service_page": r"""<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>Buy a rod fishing licence: Prices and licence types - GOV.UK</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="theme-color" content="#0b0c0c">
  <link rel="stylesheet" href="/assets/static/application-3f1e6bd2.css" media="all">
  <meta name="govuk:content-id" content="0a1c6b23-7e4d-4e88-bb4f-3e0d2f6c91aa">
</head>
<body class="govuk-template__body gem-c-layout-for-public--draft">
<script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
<div id="global-cookie-message" class="gem-c-cookie-banner govuk-clearfix" data-module="cookie-banner" role="region" aria-label="Cookies on GOV.UK" data-nosnippet>
  <div class="govuk-cookie-banner js-banner-wrapper" role="region" aria-label="Cookies on GOV.UK"><div class="gem-c-cookie-banner__message govuk-cookie-banner__message govuk-width-container"><div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <h2 class="govuk-cookie-banner__heading govuk-heading-m">Cookies on GOV.UK</h2>
    <div tabindex="-1" class="govuk-cookie-banner__content gem-c-cookie-banner__content"><p class="govuk-body">[[k:We use some essential cookies to make this website work.]]</p><p class="govuk-body">[[k:We'd like to set additional cookies to understand how you use GOV.UK, remember your settings and improve government services.]]</p><p class="govuk-body">[[k:We also use cookies set by other sites to help us deliver content from their services.]]</p></div></div></div>
    <div class="js-button-group govuk-button-group"><button class="govuk-button" data-module="gem-track-click" type="submit" data-accept-cookies="true">[[k:Accept additional cookies]]</button><button class="govuk-button" type="submit" data-reject-cookies="true">[[k:Reject additional cookies]]</button><a class="govuk-link" href="/help/cookies">[[k:View cookies]]</a></div></div></div>
</div>
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">[[b:Skip to main content]]</a>
<header role="banner" class="gem-c-layout-super-navigation-header" data-module="super-navigation-mega-menu"><div class="gem-c-layout-super-navigation-header__container govuk-width-container govuk-clearfix">
  <a class="govuk-header__link govuk-header__link--homepage" href="/" id="logo" title="Go to the GOV.UK homepage"><span class="govuk-visually-hidden">[[b:GOV.UK homepage]]</span><svg xmlns="http://www.w3.org/2000/svg" focusable="false" role="img" class="govuk-header__logotype" viewBox="0 0 148 30" height="30" width="148" aria-label="GOV.UK"><title>GOV.UK</title><path d="M0 0"/></svg></a>
  <nav aria-labelledby="super-navigation-menu-heading" class="gem-c-layout-super-navigation-header__content"><h2 id="super-navigation-menu-heading" class="govuk-visually-hidden">Navigation menu</h2>
    <button aria-controls="super-navigation-menu" aria-expanded="false" class="gem-c-layout-super-navigation-header__navigation-top-toggle-button" type="button"><span class="gem-c-layout-super-navigation-header__navigation-top-toggle-button-inner">[[b:Menu]]</span></button>
    <div id="super-navigation-menu" hidden class="gem-c-layout-super-navigation-header__navigation-dropdown-menu"><ul class="govuk-list"><li><a class="govuk-link" href="/browse/benefits">[[b:Benefits]]</a></li><li><a class="govuk-link" href="/browse/environment-countryside">[[b:Environment and countryside]]</a></li><li><a class="govuk-link" href="/browse/driving">[[b:Driving and transport]]</a></li><li><a class="govuk-link" href="/browse/tax">[[b:Money and tax]]</a></li></ul></div>
    <button aria-controls="super-search-menu" aria-expanded="true" class="gem-c-layout-super-navigation-header__search-toggle-button" type="button"><span class="govuk-visually-hidden">[[b:Show search menu]]</span></button></nav>
</div></header>
<div class="govuk-width-container">
  <div class="gem-c-breadcrumbs govuk-breadcrumbs govuk-breadcrumbs--collapse-on-mobile" data-module="gem-track-click"><ol class="govuk-breadcrumbs__list"><li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/">[[b:Home]]</a></li><li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/browse/environment-countryside">[[b:Environment]]</a></li><li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/browse/environment-countryside/fishing">[[b:Fishing, hunting and animals]]</a></li></ol></div>
  <main role="main" id="main-content" class="govuk-main-wrapper govuk-main-wrapper--auto-spacing" lang="en">
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <div class="gem-c-title govuk-!-margin-top-8 govuk-!-margin-bottom-8"><span class="govuk-caption-xl gem-c-title__context">[[b:Guidance]]</span><h1 class="gem-c-title__text govuk-heading-xl">Buy a rod fishing licence</h1></div>
      <aside class="part-navigation-container" role="complementary"><nav class="gem-c-contents-list" aria-label="Pages in this guide" role="navigation"><h2 class="gem-c-contents-list__title">Contents</h2><ol class="gem-c-contents-list__list">
        <li class="gem-c-contents-list__list-item"><a class="gem-c-contents-list__link govuk-link" href="/fishing-licences">[[b:When you need a licence]]</a></li>
        <li class="gem-c-contents-list__list-item gem-c-contents-list__list-item--active" aria-current="true"><span>[[b:Prices and licence types]]</span></li>
        <li class="gem-c-contents-list__list-item"><a class="gem-c-contents-list__link govuk-link" href="/fishing-licences/buy">[[b:Buy a licence online]]</a></li></ol></nav></aside>
      <div class="govuk-govspeak direction-ltr" data-module="govspeak"><div class="gem-c-govspeak govuk-govspeak" data-module="govspeak">
        <p>[[c:You need a rod fishing licence to fish for salmon, trout, freshwater fish, smelt or eel with a rod and line in England.]]</p>
        <p>[[c:Licences for 1 day and 8 days are valid from the time you choose. A 12-month licence runs for one year from the start date.]]</p>
        <table><caption class="govuk-table__caption">[[c:Licence prices from 1 April 2024]]</caption><thead><tr>[[c:<th scope="col">Licence type</th><th scope="col">1 day</th><th scope="col">8 days</th><th scope="col">12 months</th>]]</tr></thead><tbody>
          <tr>[[c:<td>Trout and coarse, up to 2 rods</td><td>£7.20</td><td>£14.40</td><td>£35.80</td>]]</tr>
          <tr>[[c:<td>Trout and coarse, 3 rods</td><td>not available</td><td>not available</td><td>£53.70</td>]]</tr>
          <tr>[[c:<td>Salmon and sea trout</td><td>£13.30</td><td>£39.70</td><td>£91.80</td>]]</tr>
        </tbody></table>
        <h2 id="concessions">Concessions</h2>
        <p>[[c:You can get a discount on a 12-month licence if you are:]]</p>
        <ul><li>[[c:aged 66 or over]]</li><li>[[c:a Blue Badge holder]]</li><li>[[c:getting Disability Living Allowance]]</li></ul>
        <p>[[c:Children under 13 do not need a licence. Licences for 13 to 16 year olds are free, but you still need to get one.]]</p>
        <div role="note" aria-label="Information" class="application-notice info-notice"><p>[[c:You can be fined up to £2,500 if you fish without a valid licence.]]</p></div>
      </div></div>
      <nav class="govuk-pagination govuk-pagination--block" role="navigation" aria-label="Pagination"><div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="/fishing-licences" rel="prev"><span class="govuk-pagination__link-title">[[b:Previous]]</span><span class="govuk-pagination__link-label">[[b:When you need a licence (link)]]</span></a></div></nav>
      <div class="gem-c-published-dates"><p>[[c:Last updated 28 March 2024]] <a href="#full-history" class="app-c-published-dates__toggle govuk-link">[[b:See all updates]]</a></p></div>
    </div>
    <div class="govuk-grid-column-one-third"><aside class="gem-c-related-navigation" role="complementary"><h2 id="related-nav-related_items" class="gem-c-related-navigation__main-heading">Related content</h2><nav aria-labelledby="related-nav-related_items"><ul class="gem-c-related-navigation__link-list"><li class="gem-c-related-navigation__link"><a class="govuk-link" href="/freshwater-rod-fishing-rules">[[b:Freshwater rod fishing rules]]</a></li><li class="gem-c-related-navigation__link"><a class="govuk-link" href="/report-an-environmental-incident">[[b:Report an environmental incident]]</a></li></ul></nav></aside></div></div>
    <div class="gem-c-feedback govuk-!-display-none-print" data-module="feedback"><div class="gem-c-feedback__prompt gem-c-feedback__js-show js-prompt" tabindex="-1"><div class="gem-c-feedback__prompt-content"><div class="gem-c-feedback__prompt-questions js-prompt-questions"><h2 class="gem-c-feedback__prompt-question">Is this page useful?</h2><ul class="gem-c-feedback__option-list"><li class="gem-c-feedback__option-list-item"><button class="govuk-button gem-c-feedback__prompt-link js-page-is-useful">[[b:Yes]] <span class="govuk-visually-hidden">[[b:this page is useful]]</span></button></li><li class="gem-c-feedback__option-list-item"><button class="govuk-button gem-c-feedback__prompt-link js-toggle-form">[[b:No]] <span class="govuk-visually-hidden">[[b:this page is not useful]]</span></button></li></ul></div><div class="gem-c-feedback__prompt-questions gem-c-feedback__prompt-questions--something-is-wrong"><button class="govuk-button gem-c-feedback__prompt-link js-toggle-form">[[b:Report a problem with this page]]</button></div></div></div></div>
  </main>
</div>
<footer class="gem-c-layout-footer govuk-footer" role="contentinfo"><div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow"><h2 class="govuk-visually-hidden">Support links</h2><ul class="govuk-footer__inline-list govuk-!-display-none-print">
  <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/help">[[b:Help]]</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/help/privacy-notice">[[b:Privacy]]</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/help/cookies">[[b:Cookies]]</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/help/accessibility-statement">[[b:Accessibility statement]]</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/contact">[[b:Contact]]</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/help/terms-conditions">[[b:Terms and conditions]]</a></li><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/cymraeg" lang="cy" hreflang="cy">[[b:Rhestr o Wasanaethau Cymraeg]]</a></li></ul>
  <svg aria-hidden="true" focusable="false" class="govuk-footer__licence-logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 483.2 195.7" height="17" width="41"><path fill="currentColor" d="M421.5 142.8"/></svg><span class="govuk-footer__licence-description">[[b:All content is available under the]] <a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">[[b:Open Government Licence v3.0]]</a>[[b:, except where otherwise stated]]</span></div>
  <div class="govuk-footer__meta-item"><a class="govuk-footer__link govuk-footer__copyright-logo" href="https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/">[[b:© Crown copyright]]</a></div></div></div></footer>
</body>
</html>
""",
    "university_department_drupal": r"""<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8" />
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>Department of Earth and Environmental Sciences | Halloway University</title>
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_Yq1d9yP1bX0vLx3b8c.css?delta=0&amp;language=en&amp;theme=halloway&amp;include=eJxVjEEK" />
<script src="https://cmp.osano.com/AzZd6cTcYkGFd1/9a1f2c3b/osano.js"></script>
<script type="application/json" data-drupal-selector="drupal-settings-json">{"path":{"baseUrl":"\/","currentPath":"node\/1182","currentLanguage":"en"},"halloway":{"megamenu":true}}</script>
</head>
<body class="path-node page-node-type-landing-page">
<a href="#main-content" class="visually-hidden focusable skip-link">[[b:Skip to main content]]</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="layout-container">
  <div class="region region-utility"><nav role="navigation" aria-labelledby="block-utilitymenu-menu" id="block-utilitymenu" class="block block-menu navigation menu--utility"><h2 class="visually-hidden" id="block-utilitymenu-menu">Utility menu</h2><ul class="menu"><li class="menu-item"><a href="/apply">[[b:Apply]]</a></li><li class="menu-item"><a href="/give">[[b:Give]]</a></li><li class="menu-item"><a href="/directory">[[b:Directory]]</a></li><li class="menu-item"><a href="https://portal.halloway.edu">[[b:MyHalloway]]</a></li></ul></nav></div>
  <header role="banner" class="site-header"><div class="region region-header"><div id="block-halloway-branding" class="block block-system block-system-branding-block"><a href="/" rel="home" class="site-logo"><img src="/themes/custom/halloway/logo.svg" alt="Halloway University" /></a><div class="site-name"><a href="/sciences" rel="home">[[b:College of Natural Sciences]]</a></div></div>
    <div class="search-block-form block block-search" data-drupal-selector="search-block-form" id="block-searchform" role="search"><form action="/search/node" method="get" id="search-block-form" accept-charset="UTF-8"><div class="js-form-item form-item"><label for="edit-keys" class="visually-hidden">[[b:Search this site]]</label><input title="Enter the terms you wish to search for." data-drupal-selector="edit-keys" type="search" id="edit-keys" name="keys" size="15" maxlength="128" class="form-search" /></div><div data-drupal-selector="edit-actions" class="form-actions js-form-wrapper form-wrapper" id="edit-actions"><input data-drupal-selector="edit-submit" type="submit" id="edit-submit" value="Search" class="button js-form-submit form-submit" /></div></form></div></div>
    <div class="region region-primary-menu"><nav role="navigation" aria-labelledby="block-mainnavigation-menu" id="block-mainnavigation" class="block block-menu navigation menu--main megamenu"><h2 class="visually-hidden" id="block-mainnavigation-menu">Main navigation</h2><ul class="menu menu--level-1">
      <li class="menu-item menu-item--expanded"><span class="megamenu__toggle">[[b:About the Department]]</span><div class="megamenu__panel"><ul class="menu menu--level-2"><li class="menu-item"><a href="/eES/about/history">[[b:History]]</a></li><li class="menu-item"><a href="/eES/about/facilities">[[b:Labs and Facilities]]</a></li><li class="menu-item"><a href="/eES/about/diversity">[[b:Diversity and Inclusion]]</a></li></ul><div class="megamenu__promo"><p>[[b:Field camp applications for summer 2024 are open until 1 March.]]</p></div></div></li>
      <li class="menu-item menu-item--expanded"><span class="megamenu__toggle">[[b:Academics]]</span><div class="megamenu__panel"><ul class="menu menu--level-2"><li class="menu-item"><a href="/eES/undergraduate">[[b:Undergraduate]]</a></li><li class="menu-item"><a href="/eES/graduate">[[b:Graduate]]</a></li></ul></div></li>
      <li class="menu-item"><a href="/eES/research">[[b:Research]]</a></li><li class="menu-item"><a href="/eES/people">[[b:People]]</a></li><li class="menu-item"><a href="/eES/news">[[b:News &amp; Events]]</a></li></ul></nav></div>
  </header>
  <div class="region region-breadcrumb"><div id="block-halloway-breadcrumbs" class="block block-system block-system-breadcrumb-block"><nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2><ol><li><a href="/">[[b:Halloway Home]]</a></li><li><a href="/sciences">[[b:Natural Sciences]]</a></li></ol></nav></div></div>
  <main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content">
    <div class="region region-content"><div id="block-halloway-page-title" class="block block-core block-page-title-block"><h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">Department of Earth and Environmental Sciences</span></h1></div>
    <div id="block-halloway-content" class="block block-system block-system-main-block"><article role="article" about="/eES" class="node node--type-landing-page node--view-mode-full"><div class="node__content">
      <div class="field field--name-field-paragraphs field--type-entity-reference-revisions field--label-hidden field__items">
        <div class="field__item"><div class="paragraph paragraph--type--hero paragraph--view-mode--default"><div class="hero__text">[[c:We study how the planet works, from the deep crust to the atmosphere, and how people change it.]]</div></div></div>
        <div class="field__item"><div class="paragraph paragraph--type--text paragraph--view-mode--default"><div class="clearfix text-formatted field field--name-field-text field--type-text-long field--label-hidden field__item">
          <p>[[c:The Department of Earth and Environmental Sciences brings together geologists, hydrologists, climate scientists and geochemists. Our students spend time in the field every year, from the Appalachian foothills to our marine station on Cape Lyle.]]</p>
          <p>[[c:Research groups in the department work on groundwater contamination, glacial history, volcanic hazards and coastal change, and most welcome undergraduates in their labs.]]</p></div></div></div>
        <div class="field__item"><div class="paragraph paragraph--type--facts"><div class="facts__grid">
          <div class="facts__item"><div class="facts__number">[[c:34]]</div><div class="facts__label">[[c:faculty members]]</div></div>
          <div class="facts__item"><div class="facts__number">[[c:210]]</div><div class="facts__label">[[c:undergraduate majors]]</div></div>
          <div class="facts__item"><div class="facts__number">[[c:$11.2M]]</div><div class="facts__label">[[c:annual research funding]]</div></div></div></div></div>
        <div class="field__item"><div class="paragraph paragraph--type--text"><div class="text-formatted field field--name-field-text field__item"><h2>Degree programs</h2>
          <ul><li><a href="/eES/undergraduate/geology-bs">[[c:Geology, B.S.]]</a></li><li><a href="/eES/undergraduate/environmental-science-bs">[[c:Environmental Science, B.S.]]</a></li><li><a href="/eES/undergraduate/earth-science-minor">[[c:Earth Science minor]]</a></li><li><a href="/eES/graduate/ms">[[c:Geosciences, M.S.]]</a></li><li><a href="/eES/graduate/phd">[[c:Geosciences, Ph.D.]]</a></li></ul></div></div></div>
        <div class="field__item"><div class="paragraph paragraph--type--contact"><h2>Contact the department</h2><div class="contact__body">
          <div class="field field--name-field-address field__item"><p class="address">[[c:Lowell Hall, Room 210]]<br>[[c:1400 University Avenue]]</p></div>
          <div class="field field--name-field-phone field__item">[[c:Phone: (555) 301-4410]]</div>
          <div class="field field--name-field-email field__item"><a href="mailto:ees@halloway.edu">[[c:ees@halloway.edu]]</a></div>
          <div class="field field--name-field-hours field__item">[[c:Office hours: Mon–Fri, 8:30 am – 4:30 pm]]</div></div></div></div>
      </div></div></article></div></div>
    </div>
    <aside class="layout-sidebar-second" role="complementary"><div class="region region-sidebar-second"><div class="views-element-container block block-views block-views-blockdepartment-news-block-1" id="block-views-block-department-news"><h2>Department News</h2><div><div class="view view-department-news view-id-department_news view-display-id-block_1"><div class="view-content">
      <div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/eES/news/2024/02/seismic-network-grant">[[b:Lab receives $1.4M grant to expand seismic network]]</a></span></div><div class="views-field views-field-created"><span class="field-content">[[b:February 12, 2024]]</span></div></div>
      <div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/eES/news/2024/01/field-camp">[[b:Students map glacial deposits in Iceland]]</a></span></div><div class="views-field views-field-created"><span class="field-content">[[b:January 22, 2024]]</span></div></div></div>
      <div class="more-link"><a href="/eES/news">[[b:More news]]</a></div></div></div></div>
      <div class="block block-block-content block-block-content-events"><h2>Upcoming Seminars</h2><div class="field field--name-body field__item"><p><a href="/eES/events/seminar-2024-03-07">[[b:Thursday Seminar: Microplastics in karst aquifers, March 7]]</a></p></div></div></div></aside>
  </main>
  <footer role="contentinfo" class="site-footer"><div class="region region-footer"><div id="block-footeraddress" class="block block-block-content"><div class="field field--name-body field__item"><p>[[b:Halloway University, 1 College Green, Halloway, PA 17000]]</p><p>[[b:Main switchboard: (555) 301-1000]]</p></div></div>
    <nav role="navigation" aria-labelledby="block-footer-menu" id="block-footer" class="block block-menu navigation menu--footer"><h2 class="visually-hidden" id="block-footer-menu">Footer</h2><ul class="menu"><li class="menu-item"><a href="/accessibility">[[b:Accessibility]]</a></li><li class="menu-item"><a href="/privacy">[[b:Privacy Statement]]</a></li><li class="menu-item"><a href="/title-ix">[[b:Title IX]]</a></li><li class="menu-item"><a href="/emergency">[[b:Emergency Information]]</a></li><li class="menu-item"><a href="/jobs">[[b:Employment]]</a></li></ul></nav>
    <div class="social-links"><a href="https://www.instagram.com/hallowayees"><span class="visually-hidden">[[b:Instagram]]</span></a><a href="https://www.linkedin.com/school/halloway"><span class="visually-hidden">[[b:LinkedIn]]</span></a></div>
    <div class="copyright">[[b:© 2024 Halloway University. All rights reserved.]]</div></div></footer>
</div>
</div>
<div class="osano-cm-window" dir="ltr"><div role="dialog" aria-live="polite" aria-label="Cookie Consent Banner" aria-describedby="osano-cm-dom-info-dialog-header" class="osano-cm-dialog osano-cm-dialog--position_bottom osano-cm-dialog--type_bar osano-cm-dialog--theme_dark"><button class="osano-cm-dialog__close osano-cm-close" aria-label="Close this dialog" role="button" tabindex="0"></button>
  <div class="osano-cm-content osano-cm-dialog__content"><span id="osano-cm-dom-info-dialog-header" class="osano-cm-content__message osano-cm-message">[[k:This website stores data such as cookies to enable essential site functionality, as well as marketing, personalization, and analytics. By remaining on this website you indicate your consent.]]</span><a tabindex="0" rel="noopener" target="_blank" href="https://www.halloway.edu/privacy#cookies" class="osano-cm-storage-policy osano-cm-content__link osano-cm-link">[[k:Data Storage Policy]]</a></div>
  <div class="osano-cm-dialog__buttons osano-cm-buttons"><button class="osano-cm-accept-all osano-cm-buttons__button osano-cm-button osano-cm-button--type_accept">[[k:Accept All]]</button><button class="osano-cm-denyAll osano-cm-buttons__button osano-cm-button osano-cm-button--type_denyAll">[[k:Reject All]]</button><button class="osano-cm-manage osano-cm-buttons__button osano-cm-button osano-cm-button--type_manage">[[k:Manage Preferences]]</button></div></div></div>
<script src="/sites/default/files/js/js_WlT1e8c0sL0jv2Jx.js?scope=footer&amp;delta=0&amp;language=en&amp;theme=halloway"></script>
</body>
</html>
""",
    "table_layout_homepage": r"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">
<META NAME="keywords" CONTENT="fluid dynamics, turbulence, Tanabe, mechanical engineering">
<TITLE>Hiroshi Tanabe - Home Page</TITLE>
<SCRIPT LANGUAGE="JavaScript">
<!--
function MM_swapImgRestore() { var i,x,a=document.MM_sr; for(i=0;a&&i<a.length&&(x=a[i])&&x.oSrc;i++) x.src=x.oSrc; }
//-->
</SCRIPT>
</HEAD>
<BODY BGCOLOR="#FFFFF0" TEXT="#000000" LINK="#0000CC" VLINK="#660099" MARGINWIDTH=0 MARGINHEIGHT=0>
<TABLE WIDTH="100%" BORDER=0 CELLPADDING=0 CELLSPACING=0>
<TR><TD COLSPAN=2 BGCOLOR="#003366"><FONT FACE="Verdana,Arial" SIZE=5 COLOR="#FFFFFF"><B>[[b:&nbsp;Fluid Dynamics Laboratory]]</B></FONT></TD></TR>
<TR>
<TD WIDTH=160 VALIGN=TOP BGCOLOR="#DDE6EE">
  <TABLE WIDTH="100%" BORDER=0 CELLPADDING=6>
  <TR><TD><FONT FACE="Verdana,Arial" SIZE=2>
  <A HREF="index.html"><B>[[b:Home]]</B></A><BR>
  <A HREF="research.html">[[b:Research]]</A><BR>
  <A HREF="papers.html">[[b:Papers]]</A><BR>
  <A HREF="teaching.html">[[b:Teaching]]</A><BR>
  <A HREF="students.html">[[b:Students]]</A><BR>
  <A HREF="photos/index.html">[[b:Photo Album]]</A><BR>
  <A HREF="links.html">[[b:Links]]</A><BR>
  <HR NOSHADE SIZE=1>
  <A HREF="http://www.me.kestrel-u.ac.jp/">[[b:Dept. of Mechanical Eng.]]</A><BR>
  <A HREF="http://www.kestrel-u.ac.jp/">[[b:Kestrel University]]</A>
  </FONT></TD></TR>
  </TABLE>
  <P ALIGN=CENTER><IMG SRC="images/new.gif" WIDTH=28 HEIGHT=11 ALT="new"><FONT SIZE=1>[[b:Updated regularly]]</FONT>
</TD>
<TD VALIGN=TOP>
<TABLE WIDTH="100%" BORDER=0 CELLPADDING=12><TR><TD>
<TABLE BORDER=0 CELLPADDING=4><TR>
<TD><IMG SRC="images/tanabe.jpg" WIDTH=120 HEIGHT=150 ALT="photo" BORDER=1></TD>
<TD VALIGN=TOP><FONT FACE="Times New Roman" SIZE=5><B>[[c:Hiroshi Tanabe]]</B></FONT><BR>
<FONT SIZE=3>[[c:Professor, Department of Mechanical Engineering]]<BR>
[[c:Kestrel University, Sendai, Japan]]<BR><BR>
[[c:Office: Engineering Bldg. 3, Room 412]]<BR>
[[c:Tel: +81-22-555-7312]]<BR>
[[c:E-mail: tanabe (at) me.kestrel-u.ac.jp]]</FONT></TD>
</TR></TABLE>
<HR>
<H2>Research Interests</H2>
<P>[[c:My group studies turbulent boundary layers and the transition to turbulence in pipe flow, using both direct numerical simulation and water-tunnel experiments with particle image velocimetry.]]
<P>[[c:Current projects:]]
<UL>
<LI>[[c:Drag reduction by riblets]]
<LI>[[c:Puff splitting in pipe flow]]
<LI>[[c:Low-cost PIV for teaching labs]]
</UL>
<H2>Courses (Spring 2004)</H2>
<TABLE BORDER=1 CELLPADDING=4 CELLSPACING=0>
<TR BGCOLOR="#CCCCCC">[[c:<TH>Course</TH><TH>Day</TH><TH>Time</TH><TH>Room</TH>]]</TR>
<TR>[[c:<TD>ME 221 Fluid Mechanics I</TD><TD>Mon</TD><TD>10:30-12:00</TD><TD>B-105</TD>]]</TR>
<TR>[[c:<TD>ME 421 Turbulence</TD><TD>Thu</TD><TD>13:00-14:30</TD><TD>C-302</TD>]]</TR>
<TR>[[c:<TD>ME 590 Graduate Seminar</TD><TD>Fri</TD><TD>16:00-17:30</TD><TD>Lab 412</TD>]]</TR>
</TABLE>
<H2>Recent Papers</H2>
<OL>
<LI>[[c:H. Tanabe, K. Mori. "Lifetime statistics of turbulent puffs in pipe flow." J. Fluid Mech. 498 (2004) 211-230.]] <A HREF="papers/jfm2004.pdf">[[b:(PDF, 1.2MB)]]</A>
<LI>[[c:K. Mori, H. Tanabe. "Riblet performance at moderate Reynolds number." Exp. Fluids 34 (2003) 95-104.]]
</OL>
<P><FONT COLOR="#CC0000"><B>[[c:Prospective students:]]</B></FONT> [[c:I am looking for one M.S. student for April 2005. Please e-mail me with your transcript.]]
</TD></TR></TABLE>
</TD>
</TR>
<TR><TD COLSPAN=2 BGCOLOR="#DDE6EE" ALIGN=CENTER><FONT FACE="Arial" SIZE=1>
[[b:You are visitor number]] <IMG SRC="/cgi-bin/Count.cgi?df=tanabe.dat" ALT="counter"> [[b:since April 1998.]]<BR>
[[b:Last modified: June 3, 2004]]<BR>
<A HREF="http://www.webring.org/hub?ring=cfd">[[b:CFD WebRing]]</A> <A HREF="http://www.anybrowser.org/campaign/">[[b:Best viewed with any browser]]</A>
</FONT></TD></TR>
</TABLE>
</BODY>
</HTML>
""",
    "saas_pricing_page": r"""<!DOCTYPE html>
<html lang="en" class="scroll-smooth">
<head>
<meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>Pricing · Linework</title>
<meta name="description" content="Simple pricing for teams of every size. Start free, upgrade when you need more."/>
<link rel="preload" href="/_next/static/media/inter-var.woff2" as="font" type="font/woff2" crossorigin="anonymous"/>
<link rel="stylesheet" href="/_next/static/css/8d2b1c6a4f0e.css" data-precedence="next"/>
</head>
<body class="bg-white text-slate-900 antialiased">
<div id="__next">
<div class="bg-indigo-600 px-4 py-2 text-center text-sm text-white"><p>[[b:New: Linework for iPad is here.]] <a href="/blog/ipad" class="font-semibold underline">[[b:Read the announcement →]]</a></p></div>
<header class="sticky top-0 z-40 border-b border-slate-200 bg-white/80 backdrop-blur"><nav class="mx-auto flex max-w-7xl items-center justify-between px-6 py-4" aria-label="Global">
  <a href="/" class="-m-1.5 p-1.5"><span class="sr-only">[[b:Linework]]</span><img class="h-8 w-auto" src="/logo.svg" alt=""/></a>
  <div class="hidden lg:flex lg:gap-x-10"><div class="relative"><button type="button" class="flex items-center gap-x-1 text-sm font-semibold" aria-expanded="false">[[b:Product]]</button><div class="absolute hidden" data-headlessui-state=""><a href="/features/whiteboards" class="block p-4"><span class="font-semibold">[[b:Whiteboards]]</span><span class="text-slate-600">[[b:Sketch ideas together in real time]]</span></a><a href="/features/diagrams" class="block p-4"><span class="font-semibold">[[b:Diagrams]]</span><span class="text-slate-600">[[b:Flowcharts, ERDs and architecture maps]]</span></a></div></div>
    <a href="/customers" class="text-sm font-semibold">[[b:Customers]]</a><a href="/pricing" class="text-sm font-semibold text-indigo-600" aria-current="page">[[b:Pricing]]</a><a href="/docs" class="text-sm font-semibold">[[b:Docs]]</a></div>
  <div class="hidden lg:flex lg:flex-1 lg:justify-end gap-x-4"><a href="https://app.linework.io/login" class="text-sm font-semibold">[[b:Log in]]</a><a href="https://app.linework.io/signup" class="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white">[[b:Get started]]</a></div>
</nav></header>
<main>
<section class="mx-auto max-w-7xl px-6 pt-24 text-center"><h1 class="text-5xl font-bold tracking-tight">Pricing that grows with your team</h1><p class="mx-auto mt-6 max-w-2xl text-lg text-slate-600">[[c:Start free with up to three boards. Upgrade when your team needs unlimited boards, admin controls or single sign-on.]]</p>
  <div class="mt-10 flex justify-center"><fieldset aria-label="Payment frequency" class="grid grid-cols-2 gap-x-1 rounded-full p-1 text-xs font-semibold ring-1 ring-inset ring-slate-200"><label class="cursor-pointer rounded-full px-2.5 py-1 bg-indigo-600 text-white"><input type="radio" name="frequency" value="annually" class="sr-only" checked/><span>[[b:Annually]]</span></label><label class="cursor-pointer rounded-full px-2.5 py-1 text-slate-500"><input type="radio" name="frequency" value="monthly" class="sr-only"/><span>[[b:Monthly]]</span></label></fieldset></div></section>
<section class="isolate mx-auto mt-16 grid max-w-md grid-cols-1 gap-8 lg:max-w-5xl lg:grid-cols-3 px-6">
  <div class="rounded-3xl p-8 ring-1 ring-slate-200"><h2 id="tier-free" class="text-lg font-semibold leading-8">Free</h2><p class="mt-4 text-sm leading-6 text-slate-600">[[c:For individuals trying things out.]]</p><p class="mt-6 flex items-baseline gap-x-1"><span class="text-4xl font-bold tracking-tight">[[c:$0]]</span><span class="text-sm font-semibold text-slate-600">[[c:forever]]</span></p>
    <a href="https://app.linework.io/signup?plan=free" aria-describedby="tier-free" class="mt-6 block rounded-md px-3 py-2 text-center text-sm font-semibold text-indigo-600 ring-1 ring-inset ring-indigo-200">[[b:Sign up free]]</a>
    <ul role="list" class="mt-8 space-y-3 text-sm leading-6 text-slate-600"><li class="flex gap-x-3"><svg class="h-6 w-5 flex-none text-indigo-600" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path d="M16.7 5.3"/></svg>[[c:3 editable boards]]</li><li class="flex gap-x-3">[[c:Unlimited viewers]]</li><li class="flex gap-x-3">[[c:Basic templates]]</li></ul></div>
  <div class="rounded-3xl p-8 ring-2 ring-indigo-600"><div class="flex items-center justify-between gap-x-4"><h2 id="tier-team" class="text-lg font-semibold leading-8 text-indigo-600">Team</h2><p class="rounded-full bg-indigo-600/10 px-2.5 py-1 text-xs font-semibold leading-5 text-indigo-600">[[b:Most popular]]</p></div><p class="mt-4 text-sm leading-6 text-slate-600">[[c:For teams that work together every day.]]</p><p class="mt-6 flex items-baseline gap-x-1"><span class="text-4xl font-bold tracking-tight">[[c:$12]]</span><span class="text-sm font-semibold text-slate-600">[[c:per user / month]]</span></p>
    <a href="https://app.linework.io/signup?plan=team" aria-describedby="tier-team" class="mt-6 block rounded-md bg-indigo-600 px-3 py-2 text-center text-sm font-semibold text-white">[[b:Start 14-day trial]]</a>
    <ul role="list" class="mt-8 space-y-3 text-sm leading-6 text-slate-600"><li class="flex gap-x-3">[[c:Unlimited boards]]</li><li class="flex gap-x-3">[[c:Version history]]</li><li class="flex gap-x-3">[[c:Private projects]]</li><li class="flex gap-x-3">[[c:Slack and Jira integrations]]</li></ul></div>
  <div class="rounded-3xl p-8 ring-1 ring-slate-200"><h2 id="tier-business" class="text-lg font-semibold leading-8">Business</h2><p class="mt-4 text-sm leading-6 text-slate-600">[[c:For organisations with security and compliance needs.]]</p><p class="mt-6 flex items-baseline gap-x-1"><span class="text-4xl font-bold tracking-tight">[[c:$29]]</span><span class="text-sm font-semibold text-slate-600">[[c:per user / month, billed annually]]</span></p>
    <a href="/contact-sales" aria-describedby="tier-business" class="mt-6 block rounded-md px-3 py-2 text-center text-sm font-semibold text-indigo-600 ring-1 ring-inset ring-indigo-200">[[b:Contact sales]]</a>
    <ul role="list" class="mt-8 space-y-3 text-sm leading-6 text-slate-600"><li class="flex gap-x-3">[[c:Everything in Team]]</li><li class="flex gap-x-3">[[c:SAML single sign-on]]</li><li class="flex gap-x-3">[[c:Audit log]]</li><li class="flex gap-x-3">[[c:99.9% uptime SLA]]</li></ul></div>
</section>
<section class="mx-auto mt-24 max-w-5xl px-6" aria-labelledby="compare-heading"><h2 id="compare-heading" class="text-2xl font-bold">Compare plans</h2>
  <table class="mt-6 w-full text-left text-sm"><thead><tr>[[c:<th scope="col" class="py-3"><span class="sr-only">Feature</span></th><th scope="col">Free</th><th scope="col">Team</th><th scope="col">Business</th>]]</tr></thead><tbody class="divide-y divide-slate-200">
    <tr>[[c:<th scope="row" class="py-3 font-normal">Editable boards</th><td>3</td><td>Unlimited</td><td>Unlimited</td>]]</tr>
    <tr>[[c:<th scope="row" class="py-3 font-normal">File uploads</th><td>10 MB</td><td>250 MB</td><td>1 GB</td>]]</tr>
    <tr>[[c:<th scope="row" class="py-3 font-normal">Guest access</th><td><span class="sr-only">Not included</span></td><td><span class="sr-only">Included</span></td><td><span class="sr-only">Included in Business</span></td>]]</tr>
    <tr>[[c:<th scope="row" class="py-3 font-normal">Support</th><td>Community</td><td>Email, 1 business day</td><td>Priority, 4 hours</td>]]</tr>
  </tbody></table></section>
<section class="mx-auto mt-24 max-w-4xl px-6" aria-labelledby="faq-heading"><h2 id="faq-heading" class="text-2xl font-bold">Frequently asked questions</h2><dl class="mt-10 space-y-6 divide-y divide-slate-900/10">
  <details class="pt-6"><summary class="flex w-full cursor-pointer justify-between text-left"><span class="text-base font-semibold">[[c:Who counts as a user?]]</span></summary><dd class="mt-2 pr-12"><p class="text-base leading-7 text-slate-600">[[c:Anyone who can edit boards in your workspace. Viewers and commenters are free on every plan.]]</p></dd></details>
  <details class="pt-6"><summary class="flex w-full cursor-pointer justify-between text-left"><span class="text-base font-semibold">[[c:Can I switch plans later?]]</span></summary><dd class="mt-2 pr-12"><p class="text-base leading-7 text-slate-600">[[c:Yes. Upgrades take effect immediately and are prorated; downgrades apply at the end of your billing period.]]</p></dd></details>
  <details class="pt-6"><summary class="flex w-full cursor-pointer justify-between text-left"><span class="text-base font-semibold">[[c:Do you offer discounts for non-profits?]]</span></summary><dd class="mt-2 pr-12"><p class="text-base leading-7 text-slate-600">[[c:Registered non-profits and schools get 50% off the Team plan. Email us from your organisation's address.]]</p></dd></details>
</dl></section>
<section class="mx-auto mt-24 max-w-7xl px-6"><p class="text-center text-sm font-semibold text-slate-500">[[b:Trusted by 4,000+ teams, including]]</p><div class="mt-6 grid grid-cols-5 gap-8 opacity-60"><img src="/logos/northwind.svg" alt="Northwind"/><img src="/logos/acme.svg" alt="Acme"/><img src="/logos/globex.svg" alt="Globex"/></div></section>
</main>
<footer class="mt-32 border-t border-slate-200" aria-labelledby="footer-heading"><h2 id="footer-heading" class="sr-only">Footer</h2><div class="mx-auto max-w-7xl px-6 py-12 grid grid-cols-2 md:grid-cols-4 gap-8">
  <div><h3 class="text-sm font-semibold">Product</h3><ul role="list" class="mt-4 space-y-3"><li><a href="/features" class="text-sm text-slate-600">[[b:Features]]</a></li><li><a href="/integrations" class="text-sm text-slate-600">[[b:Integrations]]</a></li><li><a href="/changelog" class="text-sm text-slate-600">[[b:Changelog]]</a></li></ul></div>
  <div><h3 class="text-sm font-semibold">Company</h3><ul role="list" class="mt-4 space-y-3"><li><a href="/about" class="text-sm text-slate-600">[[b:About]]</a></li><li><a href="/careers" class="text-sm text-slate-600">[[b:Careers]]</a></li><li><a href="/legal/privacy" class="text-sm text-slate-600">[[b:Privacy]]</a></li><li><a href="/legal/terms" class="text-sm text-slate-600">[[b:Terms]]</a></li></ul></div>
  <p class="col-span-2 text-xs text-slate-500">[[b:&copy; 2024 Linework, Inc. All rights reserved.]]</p></div></footer>
<div class="cookie-notice fixed inset-x-0 bottom-0 z-50 px-6 pb-6" role="dialog" aria-live="polite" aria-label="Cookie notice"><div class="mx-auto max-w-xl rounded-xl bg-white p-6 shadow-lg ring-1 ring-slate-900/10"><p class="text-sm leading-6 text-slate-900">[[k:We use cookies to keep you signed in, measure how the site is used and improve our marketing.]] <a href="/legal/cookies" class="font-semibold text-indigo-600">[[k:Read our cookie policy]]</a></p><div class="mt-4 flex items-center gap-x-5"><button type="button" class="rounded-md bg-slate-900 px-3 py-2 text-sm font-semibold text-white">[[k:Accept all]]</button><button type="button" class="text-sm font-semibold leading-6 text-slate-900">[[k:Reject all]]</button></div></div></div>
</div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"plans":["free","team","business"]}},"page":"/pricing","query":{},"buildId":"k2Jd8sPq1x"}</script>
</body>
</html>
""",
    "changelog_mkdocs": r"""<!doctype html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="mkdocs-1.5.3, mkdocs-material-9.5.13">
<title>Changelog - Pellet</title>
<link rel="stylesheet" href="../assets/stylesheets/main.7e359304.min.css">
<link rel="stylesheet" href="../assets/stylesheets/palette.06af60db.min.css">
<script>__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce((e,_)=>(e<<5)-e+_.charCodeAt(0),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e))</script>
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="teal" data-md-color-accent="teal">
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off"><input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off"><label class="md-overlay" for="__drawer"></label>
<div data-md-component="skip"><a href="#changelog" class="md-skip">[[b:Skip to content]]</a></div>
<div data-md-component="announce"><aside class="md-banner"><div class="md-banner__inner md-grid md-typeset">[[b:Pellet 2.3 is out. See what changed below, or read the migration notes.]]</div></aside></div>
<div data-md-color-scheme="default" data-md-component="outdated" hidden></div>
<header class="md-header md-header--shadow" data-md-component="header"><nav class="md-header__inner md-grid" aria-label="Header"><a href=".." title="Pellet" class="md-header__button md-logo" aria-label="Pellet" data-md-component="logo"><img src="../assets/logo.svg" alt="logo"></a>
  <div class="md-header__title" data-md-component="header-title"><div class="md-header__ellipsis"><div class="md-header__topic"><span class="md-ellipsis">[[b:Pellet]]</span></div><div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis">[[b:Changelog]]</span></div></div></div>
  <div class="md-header__option"><div class="md-version" data-md-component="version"><button class="md-version__current" aria-label="Select version">[[b:2.3]]</button><ul class="md-version__list"><li class="md-version__item"><a href="../../2.3/" class="md-version__link">[[b:2.3 (latest)]]</a></li><li class="md-version__item"><a href="../../2.2/" class="md-version__link">[[b:2.2]]</a></li></ul></div></div>
  <div class="md-search" data-md-component="search" role="dialog"><label class="md-search__overlay" for="__search"></label><div class="md-search__inner" role="search"><form class="md-search__form" name="search"><input type="text" class="md-search__input" name="query" aria-label="Search" placeholder="Search" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" data-md-component="search-query" required></form><div class="md-search__output"><div class="md-search__scrollwrap" data-md-scrollfix><div class="md-search-result" data-md-component="search-result"><div class="md-search-result__meta">[[b:Initializing search]]</div><ol class="md-search-result__list" role="presentation"></ol></div></div></div></div></div>
  <div class="md-header__source"><a href="https://github.com/pellet-dev/pellet" title="Go to repository" class="md-source" data-md-component="source"><div class="md-source__icon md-icon"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 448 512"><path d="M439.55 236.05"/></svg></div><div class="md-source__repository">[[b:pellet-dev/pellet]]</div></a></div>
</nav></header>
<div class="md-container" data-md-component="container"><main class="md-main" data-md-component="main"><div class="md-main__inner md-grid">
  <div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation"><div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner"><nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0"><ul class="md-nav__list" data-md-scrollfix>
    <li class="md-nav__item"><a href="../" class="md-nav__link"><span class="md-ellipsis">[[b:Home]]</span></a></li>
    <li class="md-nav__item"><a href="../getting-started/" class="md-nav__link"><span class="md-ellipsis">[[b:Getting started]]</span></a></li>
    <li class="md-nav__item"><a href="../migration/" class="md-nav__link"><span class="md-ellipsis">[[b:Migration guide]]</span></a></li>
    <li class="md-nav__item md-nav__item--active"><a href="./" class="md-nav__link md-nav__link--active"><span class="md-ellipsis">[[b:Release notes]]</span></a></li></ul></nav></div></div></div>
  <div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc"><div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner"><nav class="md-nav md-nav--secondary" aria-label="Table of contents"><label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>[[b:Table of contents]]</label><ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>
    <li class="md-nav__item"><a href="#230" class="md-nav__link"><span class="md-ellipsis">[[b:2.3.0]]</span></a></li><li class="md-nav__item"><a href="#221" class="md-nav__link"><span class="md-ellipsis">[[b:2.2.1]]</span></a></li><li class="md-nav__item"><a href="#220" class="md-nav__link"><span class="md-ellipsis">[[b:2.2.0]]</span></a></li></ul></nav></div></div></div>
  <div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">
    <a href="https://github.com/pellet-dev/pellet/edit/main/docs/changelog.md" title="Edit this page" class="md-content__button md-icon"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M10 20H6V4h7v5h5v3.1l2-2V8l-6-6H6"/></svg></a>
    <h1 id="changelog">Changelog</h1>
    <p>[[c:All notable changes to Pellet are listed here. The project follows semantic versioning.]]</p>
    <h2 id="230">2.3.0<a class="headerlink" href="#230" title="Permanent link">&para;</a></h2>
    <p><em>[[c:Released 2024-03-12]]</em></p>
    <div class="admonition warning"><p class="admonition-title">[[c:Breaking change]]</p><p>[[c:The default cache directory moved from ~/.pellet to $XDG_CACHE_HOME/pellet. Existing caches are migrated on first run.]]</p></div>
    <h3 id="added">Added</h3>
    <ul><li>[[c:New ]]<code>[[c:pellet sync --dry-run]]</code>[[c: flag that prints planned changes without applying them (#412)]]</li>
      <li>[[c:Support for Python 3.12]]</li>
      <li>[[c:Parallel downloads, controlled by the jobs setting]]</li></ul>
    <h3 id="fixed">Fixed</h3>
    <ul><li>[[c:Crash when ]]<code>[[c:PELLET_HOME]]</code>[[c: contains spaces (#405)]]</li><li>[[c:Lock file was rewritten even when nothing changed (#398)]]</li></ul>
    <h2 id="221">2.2.1<a class="headerlink" href="#221" title="Permanent link">&para;</a></h2>
    <p><em>[[c:Released 2024-01-30]]</em></p>
    <ul><li>[[c:Fixed a regression in proxy handling introduced in 2.2.0 (#391)]]</li></ul>
    <h2 id="220">2.2.0<a class="headerlink" href="#220" title="Permanent link">&para;</a></h2>
    <p><em>[[c:Released 2024-01-08]]</em></p>
    <ul><li>[[c:Added the ]]<code>[[c:pellet why]]</code>[[c: command to explain why a package is installed]]</li><li>[[c:Dropped support for Python 3.7]]</li></ul>
    <div class="highlight"><pre><span></span><code>[[c:$ pellet why urllib3
urllib3 2.2.1
  required by requests 2.31.0 (&gt;=1.21.1,&lt;3)]]</code></pre></div>
    <aside class="md-source-file"><span class="md-source-file__fact"><span class="md-icon" title="Last update"></span><span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date">[[b:March 12, 2024]]</span></span></aside>
    <form class="md-feedback" name="feedback" hidden><fieldset><legend class="md-feedback__title">[[b:Was this page helpful?]]</legend><div class="md-feedback__inner"><div class="md-feedback__list"><button class="md-feedback__icon md-icon" type="submit" title="This page was helpful" data-md-value="1"></button><button class="md-feedback__icon md-icon" type="submit" title="This page could be improved" data-md-value="0"></button></div><div class="md-feedback__note"><div data-md-value="1" hidden>[[b:Thanks for your feedback!]]</div></div></div></fieldset></form>
  </article></div>
</div></main>
<footer class="md-footer"><nav class="md-footer__inner md-grid" aria-label="Footer"><a href="../migration/" class="md-footer__link md-footer__link--prev" aria-label="Previous: Migration guide"><div class="md-footer__button md-icon"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M20 11v2H8l5.5 5.5"/></svg></div><div class="md-footer__title"><span class="md-footer__direction">[[b:Previous]]</span><div class="md-ellipsis">[[b:Migration notes]]</div></div></a></nav>
  <div class="md-footer-meta md-typeset"><div class="md-footer-meta__inner md-grid"><div class="md-copyright"><div class="md-copyright__highlight">[[b:Copyright &copy; 2021 - 2024 Pellet contributors]]</div>[[b:Made with]] <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">[[b:Material for MkDocs]]</a></div>
  <div class="md-social"><a href="https://github.com/pellet-dev" target="_blank" rel="noopener" title="github.com" class="md-social__link"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 496 512"><path d="M165.9 397.4"/></svg></a><a href="https://fosstodon.org/@pellet" target="_blank" rel="noopener" title="fosstodon.org" class="md-social__link"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 448 512"><path d="M433 179.11"/></svg></a></div></div></div></footer>
</div>
<div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>
<div class="md-consent" data-md-component="consent" id="__consent" hidden><div class="md-consent__overlay"></div><aside class="md-consent__inner"><form class="md-consent__form md-grid md-typeset" name="consent"><h4>Cookie consent</h4><p>[[k:We use cookies to recognize your repeated visits and preferences, as well as to measure the effectiveness of our documentation and whether users find what they're searching for. With your consent, you're helping us to make our documentation better.]]</p>
  <input class="md-toggle" type="checkbox" id="__settings"><div class="md-consent__settings"><ul class="task-list"><li class="task-list-item"><label class="task-list-control"><input type="checkbox" name="analytics" checked><span class="task-list-indicator"></span>[[k:Google Analytics]]</label></li><li class="task-list-item"><label class="task-list-control"><input type="checkbox" name="github" checked><span class="task-list-indicator"></span>[[k:GitHub]]</label></li></ul></div>
  <div class="md-consent__controls"><button class="md-button md-button--primary">[[k:Accept]]</button><input type="reset" class="md-button md-button--primary" value="Reject"><label class="md-button" for="__settings">[[k:Manage settings]]</label></div></form></aside></div>
<script>var consent=__md_get("__consent");if(consent)for(var input of document.forms.consent.elements)input.name&&(input.checked=consent[input.name]||!1);else"file:"!==location.protocol&&setTimeout((function(){document.querySelector("[data-md-component=consent]").hidden=!1}),250)</script>
<script id="__config" type="application/json">{"base": "..", "features": ["navigation.instant", "content.action.edit"], "search": "../assets/javascripts/workers/search.b8dbb3d2.min.js", "translations": {"clipboard.copy": "Copy to clipboard"}}</script>
<script src="../assets/javascripts/bundle.1e8ae164.min.js"></script>
</body>
</html>
""",
    "museum_exhibition": r"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Salt and Silver: Early Photography 1840–1860 | Exhibitions | Harwick Museum</title>
<link rel="stylesheet" href="/dist/css/main.min.css?v=20240301">
<script id="cookieyes" type="text/javascript" src="https://cdn-cookieyes.com/client_data/5e1c0a2b3d4f/script.js"></script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"ExhibitionEvent","name":"Salt and Silver: Early Photography 1840–1860","startDate":"2024-03-14","endDate":"2024-09-29","location":{"@type":"Museum","name":"Harwick Museum"}}</script>
</head>
<body class="template-exhibition">
<div class="cky-consent-container cky-box-bottom-left" tabindex="0" aria-label="We value your privacy" role="region"><div class="cky-consent-bar" data-cky-tag="notice"><div class="cky-notice"><p class="cky-title" role="heading" aria-level="1" data-cky-tag="title">[[k:We value your privacy]]</p><div class="cky-notice-group"><div class="cky-notice-des" data-cky-tag="description"><p>[[k:We use cookies to enhance your browsing experience, serve personalised ads or content, and analyse our traffic. By clicking "Accept All", you consent to our use of cookies.]]</p></div>
  <div class="cky-notice-btn-wrapper" data-cky-tag="notice-buttons"><button class="cky-btn cky-btn-customize" aria-label="Customise" data-cky-tag="settings-button">[[k:Customise]]</button><button class="cky-btn cky-btn-reject" aria-label="Reject All" data-cky-tag="reject-button">[[k:Reject All]]</button><button class="cky-btn cky-btn-accept" aria-label="Accept All" data-cky-tag="accept-button">[[k:Accept All]]</button></div></div></div></div></div>
<div class="cky-modal" tabindex="-1"><div class="cky-preference-center" role="dialog" aria-modal="true" aria-label="Customise Consent Preferences"><div class="cky-preference-header"><span class="cky-preference-title" role="heading" aria-level="1">[[k:Customise Consent Preferences]]</span></div><div class="cky-preference-body-wrapper"><div class="cky-accordion"><div class="cky-accordion-item"><div class="cky-accordion-chevron"></div><div class="cky-accordion-header-wrapper"><div class="cky-accordion-header"><button class="cky-accordion-btn">[[k:Functional]]</button><span class="cky-always-active">[[k:Always Active]]</span></div><div class="cky-accordion-header-des"><p>[[k:Functional cookies help perform certain functionalities like sharing the content of the website on social media platforms.]]</p></div></div></div></div></div><div class="cky-footer-wrapper"><button class="cky-btn cky-btn-preferences">[[k:Save My Preferences]]</button></div><div class="cky-footer-shadow"></div><div class="cky-prefrence-btn-wrapper"><a class="cky-powered-by" href="https://www.cookieyes.com/">[[k:Powered by CookieYes]]</a></div></div></div>
<a class="skip-link" href="#main">[[b:Skip to main content]]</a>
<header class="site-header" role="banner"><div class="site-header__top"><div class="container"><p class="site-header__today">[[b:Open today 10:00–17:00]]</p><ul class="site-header__utility"><li><a href="/visit">[[b:Visit]]</a></li><li><a href="/support/membership">[[b:Become a Member]]</a></li><li><a href="/shop">[[b:Shop]]</a></li></ul></div></div>
  <div class="container site-header__main"><a class="site-header__logo" href="/"><svg role="img" aria-label="Harwick Museum"><use href="#logo"></use></svg></a>
    <nav class="primary-nav" aria-label="Main"><ul><li><a href="/whats-on" class="is-active">[[b:What's on]]</a></li><li><a href="/collection">[[b:Collection]]</a></li><li><a href="/learning">[[b:Learning]]</a></li><li><a href="/about">[[b:About us]]</a></li></ul></nav>
    <a class="btn btn--primary site-header__cta" href="https://tickets.harwickmuseum.org.uk/">[[b:Book tickets]]</a></div></header>
<main id="main">
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">[[b:Home]]</a></li><li><a href="/whats-on">[[b:What's on listings]]</a></li><li><a href="/whats-on/exhibitions">[[b:Exhibitions]]</a></li></ol></nav>
<section class="hero hero--exhibition"><div class="hero__media"><img src="/media/salt-silver-hero.jpg" alt="Salted paper print of fishermen on a beach"></div><div class="hero__text"><p class="hero__label">[[b:Exhibition]]</p><h1 class="hero__title">Salt and Silver: Early Photography 1840–1860</h1>
  <dl class="hero__facts"><dt>[[c:Dates]]</dt><dd>[[c:14 March – 29 September 2024]]</dd><dt>[[c:Location]]</dt><dd>[[c:Gallery 4, West Wing]]</dd><dt>[[c:Admission]]</dt><dd>[[c:Ticketed, members free]]</dd></dl></div></section>
<div class="container layout-two-col"><div class="layout-two-col__main rich-text">
  <p class="lede">[[c:Before glass negatives and albumen paper, photographers printed on writing paper soaked in salt and silver nitrate. The prints are soft, warm and fragile, and most have never left the archive.]]</p>
  <p>[[c:This exhibition brings together 110 salted paper prints from the museum's own collection and private lenders, including portraits, street scenes and some of the first photographs of working life on the Scottish coast.]]</p>
  <figure class="media-block"><img src="/media/newhaven-fishwives.jpg" alt="Two women with baskets"><figcaption><span class="caption__title">[[c:Newhaven fishwives, about 1845]]</span><span class="caption__credit">[[c:Salted paper print from a calotype negative. Lent by a private collection.]]</span></figcaption></figure>
  <blockquote class="pull-quote"><p>[[c:"These pictures were made in minutes, but they show people who had never been photographed before and would not be again."]]</p><cite>[[c:Dr Alison Reid, curator]]</cite></blockquote>
  <h2>Tickets</h2>
  <table class="price-table"><thead><tr><th scope="col">[[c:Ticket]]</th><th scope="col">[[c:Price]]</th></tr></thead><tbody>
    <tr><td>[[c:Adult]]</td><td>[[c:£14]]</td></tr>
    <tr><td>[[c:Concession]]</td><td>[[c:£12]]</td></tr>
    <tr><td>[[c:Under 18]]</td><td>[[c:Free]]</td></tr>
    <tr><td>[[c:Members]]</td><td>[[c:Free, book in advance]]</td></tr>
  </tbody></table>
  <p>[[c:Large-print guides and a free audio description are available at the gallery entrance. Light levels are kept low to protect the prints.]]</p>
  <div class="share-bar"><span class="share-bar__label">[[b:Share this exhibition]]</span><a href="https://www.facebook.com/sharer/sharer.php?u=" class="share-bar__link"><span class="visually-hidden">[[b:Share on Facebook]]</span></a><a href="mailto:?subject=Salt%20and%20Silver" class="share-bar__link"><span class="visually-hidden">[[b:Share by email]]</span></a></div>
</div>
<aside class="layout-two-col__side"><div class="card card--cta"><h2 class="card__title">Members go free</h2><p>[[b:Unlimited entry to every exhibition, plus priority booking. From £60 a year.]]</p><a class="btn" href="/support/membership">[[b:Join today]]</a></div>
  <div class="card"><h2 class="card__title">Related events</h2><ul class="event-list"><li><a href="/whats-on/events/curator-talk-salt-silver"><span class="event-list__date">[[b:Thu 18 April]]</span><span class="event-list__title">[[b:Curator's talk: making a salted paper print]]</span></a></li><li><a href="/whats-on/events/workshop-cyanotype"><span class="event-list__date">[[b:Sat 11 May]]</span><span class="event-list__title">[[b:Family workshop: sun prints]]</span></a></li></ul></div></aside>
</div>
<section class="more-exhibitions"><div class="container"><h2>You might also like</h2><div class="card-grid"><a class="card" href="/whats-on/exhibitions/the-printed-coast"><p class="card__label">[[b:Free display]]</p><h3 class="card__title">The Printed Coast</h3><p class="card__meta">[[b:Until 2 June 2024]]</p></a><a class="card" href="/whats-on/exhibitions/lens-and-loom"><p class="card__label">[[b:Ticketed exhibition]]</p><h3 class="card__title">Lens and Loom</h3><p class="card__meta">[[b:From 18 October 2024]]</p></a></div></div></section>
</main>
<footer class="site-footer"><div class="container"><div class="site-footer__cols">
  <div><h2 class="site-footer__heading">Visit us</h2><address>[[b:Harwick Museum, Castle Street, Harwick HW1 2AB]]</address><p>[[b:Open daily 10:00–17:00, Thursdays until 20:00]]</p></div>
  <div><h2 class="site-footer__heading">Stay in touch</h2><form class="newsletter" action="/newsletter" method="post"><label for="nl-email">[[b:Sign up for our e-newsletter]]</label><input id="nl-email" type="email" name="email"><button type="submit">[[b:Sign up]]</button></form></div></div>
  <ul class="site-footer__legal"><li><a href="/privacy">[[b:Privacy notice]]</a></li><li><a href="/cookies">[[b:Cookie policy]]</a></li><li><a href="/accessibility">[[b:Accessibility]]</a></li></ul>
  <p class="site-footer__charity">[[b:Harwick Museum Trust is a registered charity, no. 1098765.]]</p></div></footer>
<script src="/dist/js/main.min.js?v=20240301" defer></script>
</body>
</html>
""",
    "podcast_episode": r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ep. 87: Why Bridges Hum, with Dr. Sofia Lindqvist | Load Path</title>
<link rel="alternate" type="application/rss+xml" title="Load Path" href="https://feeds.transistor.fm/load-path">
<link rel="stylesheet" href="https://loadpath.fm/assets/site-b6f1e2.css">
<script type="text/javascript">var _iub = _iub || []; _iub.csConfiguration = {"siteId":3312456,"cookiePolicyId":55120394,"lang":"en","banner":{"acceptButtonDisplay":true,"rejectButtonDisplay":true}};</script>
<script type="text/javascript" src="//cs.iubenda.com/autoblocking/3312456.js"></script>
<script type="text/javascript" src="//cdn.iubenda.com/cs/iubenda_cs.js" charset="UTF-8" async></script>
</head>
<body class="episode-page">
<nav class="site-nav"><div class="site-nav__inner"><a class="site-nav__brand" href="/"><img src="/assets/cover-96.jpg" alt="" width="40" height="40"><span>[[b:Load Path]]</span></a>
  <ul class="site-nav__links"><li><a href="/episodes">[[b:Episodes]]</a></li><li><a href="/about">[[b:About the show]]</a></li><li><a href="/people">[[b:Hosts]]</a></li><li><a href="https://www.patreon.com/loadpath">[[b:Support us]]</a></li></ul></div></nav>
<header class="episode-header"><div class="episode-header__inner">
  <p class="episode-header__meta"><span class="episode-number">[[c:Episode 87]]</span><time datetime="2024-03-21">[[c:March 21, 2024]]</time><span class="episode-duration">[[c:52:14]]</span></p>
  <h1 class="episode-header__title">Why Bridges Hum, with Dr. Sofia Lindqvist</h1>
  <div class="player" data-controller="player" data-player-src-value="https://media.transistor.fm/2b9a77d1/lp087.mp3"><button class="player__play" aria-label="Play episode">[[b:Play]]</button><button class="player__skip" aria-label="Back 15 seconds">[[b:-15s]]</button><button class="player__skip" aria-label="Forward 30 seconds">[[b:+30s]]</button><span class="player__time">[[b:0:00]]</span><button class="player__speed">[[b:1x]]</button><a class="player__download" href="https://media.transistor.fm/2b9a77d1/lp087.mp3" download>[[b:Download MP3]]</a></div>
  <ul class="subscribe-links"><li><a href="https://podcasts.apple.com/podcast/id1500000000">[[b:Apple Podcasts]]</a></li><li><a href="https://open.spotify.com/show/0abc">[[b:Spotify]]</a></li><li><a href="https://pocketcasts.com/podcast/load-path">[[b:Pocket Casts]]</a></li><li><a href="https://feeds.transistor.fm/load-path">[[b:RSS feed]]</a></li></ul>
</div></header>
<main class="episode-body">
  <section class="show-notes"><h2>Show notes</h2>
    <div class="show-notes__body">
      <p>[[c:Stand under a steel footbridge on a windy day and you can sometimes hear it sing. Structural engineer Dr. Sofia Lindqvist explains vortex shedding, why some cable-stayed bridges start to gallop in the rain, and how a row of small plastic fins can stop a 300-metre deck from moving.]]</p>
      <p>[[c:We also talk about her work monitoring a rail bridge in northern Sweden with cheap accelerometers, and what engineers still do not understand about wind.]]</p>
      <p><strong>[[c:Chapters]]</strong></p>
      <ul class="chapters">
        <li><a href="#t=0">[[c:(00:00) Introduction]]</a></li>
        <li><a href="#t=214">[[c:(03:34) What makes a structure hum]]</a></li>
        <li><a href="#t=1105">[[c:(18:25) Rain-wind induced vibration]]</a></li>
        <li><a href="#t=2210">[[c:(36:50) Monitoring on a budget]]</a></li>
        <li><a href="#t=2890">[[c:(48:10) Listener questions]]</a></li>
      </ul>
      <p><strong>[[c:Links from the episode]]</strong></p>
      <ul>
        <li><a href="https://doi.org/10.1016/j.jweia.2021.104512">[[c:Lindqvist et al., Journal of Wind Engineering (2021)]]</a></li>
        <li><a href="https://en.wikipedia.org/wiki/Vortex_shedding">[[c:Vortex shedding explained]]</a></li>
      </ul>
      <p>[[c:Guest: Dr. Sofia Lindqvist, Luleå University of Technology]]<br>[[c:Hosts: Ben Okoro and Clara Jensen]]<br>[[c:Produced by Ada Moss]]</p>
    </div></section>
  <section class="transcript" id="transcript"><h2>Transcript</h2>
    <div class="transcript__body">
      <p><span class="transcript__speaker">[[c:Ben:]]</span> [[c:So the first time you heard a bridge hum, where were you?]]</p>
      <p><span class="transcript__speaker">[[c:Sofia:]]</span> [[c:Honestly, under a motorway footbridge in Gothenburg, waiting for a bus. It was a clear tone, almost like a bowed string.]]</p>
      <p><span class="transcript__speaker">[[c:Clara:]]</span> [[c:And that is the wind doing that, not the traffic?]]</p>
      <p><span class="transcript__speaker">[[c:Dr. Lindqvist:]]</span> [[c:The wind. Air flowing past the handrail peels off in little whirlpools, alternating sides, and if that rhythm matches a natural frequency of the structure you get a tone.]]</p>
      <button class="transcript__more" type="button">[[b:Show full transcript]]</button>
    </div></section>
  <section class="support-cta"><p>[[b:Load Path is listener-supported. Join on Patreon for ad-free episodes and bonus shows.]]</p><a class="btn" href="https://www.patreon.com/loadpath">[[b:Become a patron]]</a></section>
  <section class="more-episodes"><h2>More episodes</h2><ul class="episode-list">
    <li><a href="/episodes/86-concrete-that-heals-itself"><span class="episode-list__num">[[b:Ep. 86]]</span><span class="episode-list__title">[[b:Concrete That Heals Itself]]</span><span class="episode-list__len">[[b:47 min]]</span></a></li>
    <li><a href="/episodes/85-the-tallest-timber-tower"><span class="episode-list__num">[[b:Ep. 85]]</span><span class="episode-list__title">[[b:The Tallest Timber Tower]]</span><span class="episode-list__len">[[b:55 min]]</span></a></li></ul>
    <a class="pagination__next" href="/episodes?page=2">[[b:Older episodes →]]</a></section>
</main>
<footer class="site-footer"><p>[[b:© 2024 Load Path Media]]</p><p><a href="https://www.iubenda.com/privacy-policy/55120394" class="iubenda-nostyle">[[b:Privacy Policy]]</a> <a href="#" class="iubenda-cs-preferences-link">[[b:Your privacy choices]]</a></p><p class="powered">[[b:Podcast hosting by Transistor]]</p></footer>
<div id="iubenda-cs-banner" class="iubenda-cs-default iubenda-cs-bottom iubenda-cs-visible" role="alertdialog" aria-labelledby="iubenda-cs-title" aria-describedby="iubenda-cs-paragraph"><div class="iubenda-cs-container"><div class="iubenda-cs-content"><div class="iubenda-cs-rationale"><button type="button" class="iubenda-cs-close-btn" tabindex="0" role="button" aria-pressed="false" aria-label="Close this notice"></button>
  <div class="iubenda-banner-content iubenda-custom-content" role="document"><div id="iubenda-cs-title">[[k:Notice]]</div><div id="iubenda-cs-paragraph"><p class="iub-p">[[k:We and selected third parties use cookies or similar technologies for technical purposes and, with your consent, for other purposes as specified in the]] <a href="https://www.iubenda.com/privacy-policy/55120394/cookie-policy" class="iubenda-cs-cookie-policy-lnk" target="_blank" rel="noopener">[[k:cookie policy]]</a></p><p class="iub-p">[[k:Use the “Accept” button to consent. Use the “Reject” button or close this notice to continue without accepting.]]</p></div></div>
  <div class="iubenda-cs-opt-group"><div class="iubenda-cs-opt-group-custom"><button class="iubenda-cs-customize-btn" tabindex="0" role="button" aria-pressed="false">[[k:Learn more and customize]]</button></div><div class="iubenda-cs-opt-group-consent"><button class="iubenda-cs-reject-btn iubenda-cs-btn-primary" tabindex="0" role="button" aria-pressed="false">[[k:Reject]]</button><button class="iubenda-cs-accept-btn iubenda-cs-btn-primary" tabindex="0" role="button" aria-pressed="false">[[k:Accept]]</button></div></div></div></div></div></div>
</body>
</html>
""",
    "event_listing": r"""<!DOCTYPE html>
<html lang="en-us">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Repair Café: Spring Fix-It Morning Tickets, Sat, Apr 20, 2024 at 10:00 AM | Ticketbird</title>
<link rel="stylesheet" href="https://cdn.ticketbird.com/static/css/listing.9f3a1c.css">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Riverside Repair Café: Spring Fix-It Morning","startDate":"2024-04-20T10:00:00-05:00","endDate":"2024-04-20T13:00:00-05:00","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode","location":{"@type":"Place","name":"Riverside Community Hall","address":"418 Mill Road, Riverside, IL"},"offers":[{"@type":"Offer","price":"0","priceCurrency":"USD"}]}</script>
<script async src="//consent.trustarc.com/notice?domain=ticketbird.com&amp;c=teconsent&amp;js=nj&amp;noticeType=bb"></script>
</head>
<body>
<div id="root"><div class="eds-structure">
<header class="global-header" data-testid="global-header"><div class="global-header__inner"><a class="global-header__logo" href="/" aria-label="Ticketbird home"><svg viewBox="0 0 200 36"><path d="M0 0"/></svg></a>
  <form class="global-header__search" role="search" action="/d/"><label class="eds-is-hidden-accessible" for="search-autocomplete-input">[[b:Search events]]</label><input id="search-autocomplete-input" type="search" placeholder="Search events"><span class="global-header__location">[[b:Chicago]]</span></form>
  <nav class="global-header__nav"><ul><li><a href="/organizer/overview/">[[b:Create Events]]</a></li><li><a href="/help/">[[b:Help Center]]</a></li><li><a href="/signin/">[[b:Log In]]</a></li><li><a href="/signin/signup/">[[b:Sign Up]]</a></li></ul></nav></div></header>
<main class="event-listing" id="event-page"><div class="event-listing__hero"><img src="https://img.ticketbird.com/events/773812/hero.jpg" alt="Volunteers repairing a lamp"></div>
<div class="event-listing__body"><div class="event-details">
  <div class="event-details__date-badge"><p class="date-badge__month">[[c:Apr]]</p><p class="date-badge__day">[[c:20]]</p></div>
  <h1 class="event-title">Riverside Repair Café: Spring Fix-It Morning</h1>
  <p class="summary">[[c:Bring a broken lamp, toaster, bike or jacket and fix it with help from volunteer repairers. Free, all ages.]]</p>
  <div class="organizer-brief"><span class="organizer-brief__by">[[c:By Riverside Makers]]</span><span class="organizer-brief__followers">[[b:312 followers]]</span><button class="eds-btn eds-btn--follow">[[b:Follow]]</button></div>
  <section class="date-and-time"><h2>Date and time</h2><div class="date-info"><span class="date-info__full-datetime">[[c:Saturday, April 20 · 10am - 1pm CDT]]</span></div></section>
  <section class="location"><h2>Location</h2><div class="location-info"><p class="location-info__name">[[c:Riverside Community Hall]]</p><p class="location-info__address">[[c:418 Mill Road, Riverside, IL 60546]]</p><button class="location-info__show-map">[[b:Show map]]</button></div></section>
  <section class="refund-policy"><h2>Refund Policy</h2><p>[[c:No refunds needed: this is a free event.]]</p></section>
  <section class="about-this-event"><h2>About this event</h2>
    <ul class="event-highlights"><li>[[c:3 hours]]</li><li>[[c:In person]]</li><li>[[c:Free parking on Mill Road]]</li></ul>
    <div class="structured-content-rich-text"><p>[[c:Repair Café is a free meeting place for fixing things together. Our volunteers include electricians, tailors, bike mechanics and a retired watchmaker.]]</p>
      <p>[[c:Please bring only what you can carry, and one item per person so everyone gets a turn. We cannot repair microwaves or anything with a gas supply.]]</p>
      <p><strong>[[c:Schedule]]</strong></p>
      <table class="agenda"><tbody><tr>[[c:<td>10:00</td><td>Doors open, registration</td>]]</tr><tr>[[c:<td>10:15</td><td>Repair tables open</td>]]</tr><tr>[[c:<td>11:30</td><td>Bike maintenance demo</td>]]</tr><tr>[[c:<td>12:45</td><td>Last items accepted</td>]]</tr></tbody></table>
      <p>[[c:What to bring:]]</p><ul><li>[[c:The broken item]]</li><li>[[c:Any spare parts you have]]</li><li>[[c:The manual, if you still have it]]</li></ul></div></section>
  <section class="tags"><h2>Tags</h2><ul class="tags-list"><li><a href="/d/il--riverside/events/">[[b:Riverside Events]]</a></li><li><a href="/d/il--chicago/community--events/">[[b:Chicago Community Events]]</a></li><li><a href="/d/il--chicago/repair/">[[b:#repair]]</a></li></ul></section>
  <section class="organizer-panel"><h2>Organized by</h2><div class="organizer-panel__card"><a href="/o/riverside-makers-3301" class="organizer-panel__name">[[b:Riverside Makers]]</a><p class="organizer-panel__stats">[[b:42 events hosted]]</p><p class="organizer-panel__bio">[[b:A volunteer-run makerspace on the Des Plaines River. We run repair days, sewing circles and intro classes.]]</p><button class="eds-btn">[[b:Contact]]</button><button class="eds-btn eds-btn--fill">[[b:Follow organizer]]</button></div></section>
  <a class="report-event" href="/report?eid=773812">[[b:Report this event]]</a>
</div>
<aside class="conversion-bar"><div class="conversion-bar__panel"><div class="conversion-bar__price"><span class="conversion-bar__price-label">[[c:Free]]</span></div><div class="ticket-card"><div class="ticket-card__name">[[c:General admission]]</div><div class="ticket-card__note">[[b:Sales end on Apr 20]]</div></div><button class="eds-btn eds-btn--fill eds-btn--block" data-testid="checkout-button">[[b:Reserve a spot]]</button></div></aside>
</div>
<section class="related-events"><h2>More events from this organizer</h2><ul class="event-card-list"><li class="event-card"><a href="/e/sewing-circle-tickets-7799"><h3 class="event-card__title">Thursday Sewing Circle</h3><p class="event-card__date">[[b:Thu, May 2, 6:30 PM]]</p><p class="event-card__price">[[b:From $5.00]]</p></a></li><li class="event-card"><a href="/e/intro-to-soldering-tickets-7802"><h3 class="event-card__title">Intro to Soldering</h3><p class="event-card__date">[[b:Sat, May 11, 2:00 PM]]</p><p class="event-card__price">[[b:$15.00]]</p></a></li></ul></section>
</main>
<footer class="global-footer"><div class="global-footer__links"><ul><li><a href="/how-it-works/">[[b:How It Works]]</a></li><li><a href="/pricing/">[[b:Pricing]]</a></li><li><a href="/blog/">[[b:Blog]]</a></li></ul><ul><li><a href="/legal/terms">[[b:Terms]]</a></li><li><a href="/legal/privacy">[[b:Privacy]]</a></li><li><a href="/legal/ca-privacy-notice">[[b:CA Privacy Notice]]</a></li><li><a href="#" id="teconsent">[[b:Cookie Preferences]]</a></li></ul></div><p class="global-footer__copyright">[[b:© 2024 Ticketbird]]</p></footer>
</div></div>
<div id="consent_blackbar" style="position: fixed; bottom: 0px; z-index: 1000000; width: 100%;"><div id="truste-consent-track" style="display: block;"><div id="truste-consent-content"><div id="truste-consent-text">[[k:We use cookies and similar technologies to recognise your repeat visits and preferences, to measure the effectiveness of campaigns and to analyse traffic. To learn more, see our]] <a href="https://www.ticketbird.com/legal/cookies" id="truste-cookie-button" target="_blank" rel="noopener">[[k:cookie statement]]</a></div>
  <div id="truste-consent-buttons"><button id="truste-consent-button" type="button" class="truste-button1">[[k:Accept All Cookies]]</button><button id="truste-consent-required" type="button" class="truste-button3">[[k:Required Only]]</button><button id="truste-show-consent" type="button" class="truste-button2">[[k:Cookie Settings]]</button></div></div></div></div>
</body>
</html>
""",
    "legal_terms_page": r"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Terms of Service | Corvid Notes</title>
<meta name='robots' content='index, follow, max-image-preview:large' />
<link rel='stylesheet' id='cmplz-general-css' href='https://corvidnotes.app/wp-content/plugins/complianz-gdpr/assets/css/cookieblocker.min.css?ver=1706789012' media='all' />
<link rel='stylesheet' id='kadence-global-css' href='https://corvidnotes.app/wp-content/themes/kadence/assets/css/global.min.css?ver=1.1.51' media='all' />
<style id="cmplz-cookiebanner-css">.cmplz-cookiebanner{position:fixed;z-index:99999;max-width:526px}</style>
</head>
<body class="page-template-default page page-id-311 wp-custom-logo footer-on-bottom hide-focus-outline content-title-style-normal content-width-narrow content-style-unboxed">
<div id="wrapper" class="site wp-site-blocks">
<a class="skip-link screen-reader-text scroll-ignore" href="#main">[[b:Skip to content]]</a>
<header id="masthead" class="site-header" role="banner"><div id="main-header" class="site-header-wrap"><div class="site-header-inner-wrap"><div class="site-header-upper-wrap"><div class="site-header-upper-inner-wrap"><div class="site-main-header-wrap site-header-row-container site-header-focus-item site-header-row-layout-standard"><div class="site-header-row-container-inner"><div class="site-container"><div class="site-main-header-inner-wrap site-header-row site-header-row-has-sides">
  <div class="site-header-main-section-left site-header-section site-header-section-left"><div class="site-header-item site-header-focus-item"><div class="site-branding branding-layout-standard site-brand-logo-only"><a class="brand has-logo-image" href="https://corvidnotes.app/" rel="home"><img width="160" height="40" src="https://corvidnotes.app/wp-content/uploads/2023/05/corvid-logo.svg" class="custom-logo" alt="Corvid Notes"></a></div></div></div>
  <div class="site-header-main-section-right site-header-section site-header-section-right"><div class="site-header-item site-header-focus-item site-header-item-main-navigation"><nav id="site-navigation" class="main-navigation header-navigation nav--toggle-sub header-navigation-style-standard" role="navigation" aria-label="Primary Navigation"><div class="primary-menu-container header-menu-container"><ul id="primary-menu" class="menu"><li id="menu-item-20" class="menu-item menu-item-type-post_type"><a href="https://corvidnotes.app/features/">[[b:Features]]</a></li><li id="menu-item-21" class="menu-item"><a href="https://corvidnotes.app/pricing/">[[b:Pricing]]</a></li><li id="menu-item-22" class="menu-item"><a href="https://corvidnotes.app/blog/">[[b:Blog]]</a></li><li id="menu-item-23" class="menu-item menu-button"><a href="https://app.corvidnotes.app/">[[b:Open the app]]</a></li></ul></div></nav></div></div>
</div></div></div></div></div></div></div></div></header>
<div id="inner-wrap" class="wrap hfeed kt-clear"><main id="main" class="site-main" role="main"><div class="content-wrap"><article id="post-311" class="entry content-bg single-entry post-311 page type-page status-publish hentry">
<div class="entry-content-wrap"><header class="entry-header page-title title-align-inherit title-tablet-align-inherit title-mobile-align-inherit"><h1 class="entry-title">Terms of Service</h1></header>
<div class="entry-content single-content">
  <p class="has-small-font-size"><em>[[c:Last updated: January 5, 2024]]</em></p>
  <p>[[c:These Terms of Service govern your use of Corvid Notes, a note-taking application provided by Corvid Software ApS, Nørrebrogade 52, 2200 Copenhagen, Denmark ("we", "us"). By creating an account you agree to these terms.]]</p>
  <div class="wp-block-kadence-tableofcontents kb-table-of-content-nav"><div class="kb-table-of-content-wrap"><div class="kb-table-of-contents-title-wrap"><span class="kb-table-of-contents-title">[[b:On this page]]</span></div><ul class="kb-table-of-content-list kb-table-of-content-list-columns-1 kb-table-of-content-list-style-numbered">
    <li><a class="kb-table-of-contents__entry" href="#definitions">[[b:Definitions]]</a></li><li><a class="kb-table-of-contents__entry" href="#accounts">[[b:Your account]]</a></li><li><a class="kb-table-of-contents__entry" href="#payment">[[b:Subscriptions and payment]]</a></li><li><a class="kb-table-of-contents__entry" href="#cookies">[[b:Cookies and analytics]]</a></li><li><a class="kb-table-of-contents__entry" href="#liability">[[b:Limitation of liability]]</a></li></ul></div></div>
  <h2 class="wp-block-heading" id="definitions">1. Definitions</h2>
  <dl class="definitions">
    <dt>[[c:"Content"]]</dt><dd>[[c:any text, images or files you store in the Service.]]</dd>
    <dt>[[c:"Service"]]</dt><dd>[[c:the Corvid Notes apps for web, iOS, Android and desktop, and the related sync servers.]]</dd>
    <dt>[[c:"Workspace"]]</dt><dd>[[c:a shared space created by a paying customer for its members.]]</dd></dl>
  <h2 class="wp-block-heading" id="accounts">2. Your account</h2>
  <p>[[c:2.1 You must be at least 16 years old to use the Service.]]</p>
  <p>[[c:2.2 You are responsible for keeping your password secure. Tell us immediately at security@corvidnotes.app if you think your account has been accessed without permission.]]</p>
  <p>[[c:2.3 You keep all rights to your Content. You give us a limited licence to store, copy and transmit it only as needed to run the Service.]]</p>
  <h2 class="wp-block-heading" id="payment">3. Subscriptions and payment</h2>
  <p>[[c:3.1 Paid plans renew automatically at the end of each billing period until cancelled.]]</p>
  <figure class="wp-block-table"><table><thead><tr>[[c:<th>Plan</th><th>Billing period</th><th>Cancellation</th>]]</tr></thead><tbody>
    <tr>[[c:<td>Personal</td><td>Monthly or yearly</td><td>Any time, effective at period end</td>]]</tr>
    <tr>[[c:<td>Workspace</td><td>Yearly</td><td>30 days' notice before renewal</td>]]</tr></tbody></table></figure>
  <p>[[c:3.2 If you are a consumer in the EU, you may withdraw from a new subscription within 14 days and receive a full refund.]]</p>
  <h2 class="wp-block-heading" id="cookies">4. Cookies and analytics</h2>
  <p>[[c:4.1 The Service uses strictly necessary cookies to keep you signed in. We use analytics cookies on our marketing website only with your consent, which you can change at any time. Details are in our Cookie Policy.]]</p>
  <h2 class="wp-block-heading" id="liability">5. Limitation of liability</h2>
  <p>[[c:5.1 Nothing in these terms limits liability for death or personal injury caused by negligence, or for fraud.]]</p>
  <p>[[c:5.2 Otherwise, our total liability in any 12-month period is limited to the amount you paid us in that period.]]</p>
  <h2 class="wp-block-heading" id="contact">Contact</h2>
  <p>[[c:Questions about these terms can be sent to legal@corvidnotes.app or by post to the address above.]]</p>
  <p class="print-link"><a href="javascript:window.print()">[[b:Print this page]]</a></p>
</div></div></article></div></main></div>
<footer id="colophon" class="site-footer" role="contentinfo"><div class="site-footer-wrap"><div class="site-middle-footer-wrap site-footer-row-container site-footer-focus-item"><div class="site-container"><div class="site-middle-footer-inner-wrap site-footer-row site-footer-row-columns-3">
  <div class="site-footer-middle-section-1 site-footer-section footer-section-inner-items-1"><div class="footer-widget-area widget-area site-footer-focus-item footer-widget1"><section id="block-7" class="widget widget_block widget_text"><p>[[b:Corvid Notes: fast, private notes that sync everywhere.]]</p></section></div></div>
  <div class="site-footer-middle-section-2 site-footer-section"><div class="footer-widget-area widget-area footer-navigation"><nav id="footer-navigation" class="footer-navigation" role="navigation" aria-label="Footer Navigation"><ul id="footer-menu" class="menu"><li class="menu-item"><a href="/terms/" aria-current="page">[[b:Terms]]</a></li><li class="menu-item"><a href="/privacy/">[[b:Privacy]]</a></li><li class="menu-item"><a href="/cookie-policy-eu/">[[b:Cookie Policy (EU)]]</a></li><li class="menu-item"><a href="/dpa/">[[b:Data Processing Agreement]]</a></li></ul></nav></div></div>
  <div class="site-footer-middle-section-3 site-footer-section"><div class="footer-social-wrap"><div class="footer-social-inner-wrap element-social-inner-wrap social-show-label-false"><a href="https://mastodon.social/@corvidnotes" aria-label="Mastodon" target="_blank" rel="noopener noreferrer" class="social-button footer-social-item social-link-mastodon"><span class="kadence-svg-iconset"><svg class="kadence-svg-icon" viewBox="0 0 24 24"><path d="M0 0"/></svg></span></a></div></div></div>
</div></div></div>
<div class="site-bottom-footer-wrap"><div class="site-container"><div class="footer-html inner-link-style-normal"><div class="footer-html-inner"><p>[[b:&copy; 2024 Corvid Software ApS · CVR 41234567]]</p></div></div></div></div></div></footer>
</div>
<a id="kt-scroll-up" tabindex="-1" aria-hidden="true" aria-label="Scroll to top" href="#wrapper" class="kadence-scroll-to-top scroll-up-wrap scroll-ignore scroll-up-style-outline"><span class="screen-reader-text">[[b:Back to top]]</span></a>
<div id="cmplz-cookiebanner-container"><div class="cmplz-cookiebanner banner-1 optin cmplz-bottom-right cmplz-categories-type-view-preferences" aria-modal="true" data-nosnippet="true" role="dialog" aria-live="polite" aria-labelledby="cmplz-header-1-optin" aria-describedby="cmplz-message-1-optin">
  <div class="cmplz-header"><div class="cmplz-logo"></div><div class="cmplz-title" id="cmplz-header-1-optin">[[k:Manage Cookie Consent]]</div><div class="cmplz-close" tabindex="0" role="button" aria-label="Close dialog"><svg aria-hidden="true" focusable="false" role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 352 512"><path fill="currentColor" d="M242.72 256l100.07-100.07"></path></svg></div></div>
  <div class="cmplz-body"><div class="cmplz-message" id="cmplz-message-1-optin">[[k:To provide the best experiences, we use technologies like cookies to store and/or access device information. Consenting to these technologies will allow us to process data such as browsing behaviour on this site. Not consenting or withdrawing consent may adversely affect certain features and functions.]]</div>
    <div class="cmplz-categories"><details class="cmplz-category cmplz-functional"><summary><span class="cmplz-category-header"><span class="cmplz-category-title">[[k:Functional]]</span><span class="cmplz-always-active">[[k:Always active]]</span></span></summary><div class="cmplz-description"><span class="cmplz-description-functional">[[k:The technical storage or access is strictly necessary for the legitimate purpose of enabling the use of a specific service explicitly requested by the subscriber or user.]]</span></div></details>
      <details class="cmplz-category cmplz-statistics"><summary><span class="cmplz-category-header"><span class="cmplz-category-title">[[k:Statistics]]</span><span class="cmplz-banner-checkbox"><input type="checkbox" id="cmplz-statistics-optin" data-category="cmplz_statistics" class="cmplz-consent-checkbox cmplz-statistics" size="40" value="1"></span></span></summary><div class="cmplz-description"><span class="cmplz-description-statistics">[[k:The technical storage or access that is used exclusively for statistical purposes.]]</span></div></details></div></div>
  <div class="cmplz-buttons"><button class="cmplz-btn cmplz-accept">[[k:Accept]]</button><button class="cmplz-btn cmplz-deny">[[k:Deny]]</button><button class="cmplz-btn cmplz-view-preferences">[[k:View preferences]]</button><button class="cmplz-btn cmplz-save-preferences">[[k:Save preferences]]</button></div>
  <div class="cmplz-links cmplz-documents"><ul><li><a class="cmplz-link cookie-statement" href="/cookie-policy-eu/">[[k:Cookie Policy]]</a></li><li><a class="cmplz-link privacy-statement" href="/privacy/">[[k:Privacy Statement]]</a></li></ul></div>
</div></div>
<div id="cmplz-manage-consent" data-nosnippet="true"><button class="cmplz-btn cmplz-hidden cmplz-manage-consent manage-consent-1">[[k:Manage consent]]</button></div>
<script id="cmplz-cookiebanner-js-extra">var complianz = {"prefix":"cmplz_","user_banner_id":"1","set_cookies":[],"block_ajax_content":"","banner_version":"28","version":"7.0.4"};</script>
</body>
</html>
""",
}
