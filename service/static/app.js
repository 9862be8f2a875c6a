// citeqa page: ask /ask, show passages grouped by source document, quote highlighted.
// Every text from the server goes into the page with textContent, never as HTML.
"use strict";

const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

// The passage text with its quote wrapped in <mark>. Offsets are code points into the document's
// text layer, so the quote lies at (quote.start - passage.start) code points into the passage.
function passageWithQuote(passage) {
  const chars = Array.from(passage.text);  // code points, like the API's offsets
  const from = passage.quote.start - passage.start;
  const to = passage.quote.end - passage.start;
  return el("p", {}, chars.slice(0, from).join(""),
            el("mark", { class: "quote" }, chars.slice(from, to).join("")),
            chars.slice(to).join(""));
}

function sourceLink(passage) {
  const url = `/view/${passage.doc_id.split("/").map(encodeURIComponent).join("/")}` +
              `?start=${passage.quote.start}&end=${passage.quote.end}#cited`;
  const where = passage.page ? `page ${passage.page}, ` : "";
  return el("a", { href: url, class: "source-link" }, `open source (${where}characters ${passage.quote.start}–${passage.quote.end})`);
}

function render(body, forced) {
  results.replaceChildren();
  if (!body.answered && !forced) {
    const more = el("button", { type: "button", class: "secondary", id: "show-anyway" }, "Show the closest passages anyway");
    more.addEventListener("click", () => ask(body.question, true));
    results.append(el("div", { class: "abstain", id: "abstain" },
      el("p", {}, "The documents do not answer this question."), more));
    statusLine.textContent = `No answer found (confidence ${body.confidence.toFixed(2)}).`;
    return;
  }
  // What each source says, side by side: its title and best quote (sources may disagree; the
  // reader judges). Weak sources (cited only by weak passages) follow, collapsed.
  const says = (source) => el("figure", { class: source.weak ? "says weak" : "says", "data-doc-id": source.doc_id },
    el("blockquote", {}, source.quote.text),
    el("figcaption", {}, source.title, " — ", sourceLink(source)));
  const strong = body.sources.filter((source) => !source.weak);
  const weakSources = body.sources.filter((source) => source.weak);
  if (body.sources.length) {
    const grid = el("section", { class: "sources", id: "sources", "aria-label": "What the sources say" });
    for (const source of strong) grid.append(says(source));
    results.append(grid);
    if (weakSources.length) {
      const more = el("div", { class: "sources" });
      for (const source of weakSources) more.append(says(source));
      const noun = weakSources.length === 1 ? "source" : "sources";
      results.append(el("details", { class: "weak-sources", id: "weak-sources" },
        el("summary", {}, `${weakSources.length} more ${noun}, weak matches (far below the best passage)`), more));
    }
  }
  // Group passages by document, documents in the order of their best passage. Weak passages (far
  // below the best) are collapsed.
  const groups = new Map();
  for (const passage of body.passages) {
    if (!groups.has(passage.doc_id)) groups.set(passage.doc_id, []);
    groups.get(passage.doc_id).push(passage);
  }
  for (const [docId, passages] of groups) {
    // Headed by the document's title, the file name small beneath it.
    const section = el("section", { class: "source", "data-doc-id": docId, "aria-label": `Source ${passages[0].title}` },
      el("h2", {}, passages[0].title), el("p", { class: "file-name" }, docId));
    for (const passage of passages) {
      const meta = el("div", { class: "meta" });
      if (passage.page) meta.append(el("span", { class: "page" }, `page ${passage.page}`));
      if (passage.headings.length) meta.append(el("span", { class: "headings" }, passage.headings.join(" › ")));
      meta.append(el("span", {}, `score ${passage.score.toFixed(3)}`), sourceLink(passage));
      const article = el("article", { class: passage.weak ? "passage weak" : "passage" }, passageWithQuote(passage), meta);
      section.append(passage.weak
        ? el("details", { class: "weak-passage" }, el("summary", {}, "Weak match (far below the best passage)"), article)
        : article);
    }
    results.append(section);
  }
  const note = forced && !body.answered ? " These are the closest passages; none was judged to answer." : "";
  statusLine.textContent = `${body.passages.length} passages from ${groups.size} documents ` +
    `(confidence ${body.confidence.toFixed(2)}).${note}`;
}

// API key: asked for once when the service answers 401, kept for this browser session only
// (sessionStorage), and mirrored in a same-site cookie so that links to /view open.
const KEY_STORE = "citeqa-key";

function authHeaders() {
  const key = sessionStorage.getItem(KEY_STORE);
  return key ? { authorization: `Bearer ${key}` } : {};
}

function askForKey(question, forced) {
  results.replaceChildren();
  const input = el("input", { type: "password", id: "api-key", autocomplete: "off", required: "" });
  const keyForm = el("form", { id: "key-form", class: "abstain" },
    el("label", { for: "api-key" }, "This service needs an API key"),
    el("div", { class: "row" }, input, el("button", { type: "submit" }, "Use key")));
  keyForm.addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORE, input.value);
    document.cookie = `citeqa_key=${encodeURIComponent(input.value)}; path=/; SameSite=Strict`;
    ask(question, forced);
  });
  results.append(keyForm);
  statusLine.textContent = "Enter the API key to ask.";
  input.focus();
}

async function ask(question, forced = false) {
  statusLine.textContent = "Searching…";
  document.title = `${question} — citeqa`;
  try {
    const response = await fetch("/ask", {
      method: "POST",
      headers: { "content-type": "application/json", ...authHeaders() },
      body: JSON.stringify({ question, k: 5, abstain: !forced }),
    });
    if (response.status === 401) {
      sessionStorage.removeItem(KEY_STORE);
      askForKey(question, forced);
      return;
    }
    const body = await response.json();
    if (!response.ok) {
      results.replaceChildren();
      statusLine.textContent = `${body.error}: ${body.detail}`;
      return;
    }
    render(body, forced);
  } catch (error) {
    statusLine.textContent = `The service could not be reached (${error}).`;
  }
}

// The question lives in the URL (/?q=...), so an answer can be bookmarked, shared, reloaded or
// opened by a headless browser; each question asked is a history entry, and Back/Forward ask again.
function questionInUrl() {
  return new URLSearchParams(window.location.search).get("q") || "";
}

function showUrlQuestion() {
  const question = questionInUrl();
  input.value = question;
  if (question.trim()) {
    ask(question);
  } else {
    results.replaceChildren();
    statusLine.textContent = "";
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const question = input.value;
  if (question !== questionInUrl()) {
    history.pushState({}, "", `/?${new URLSearchParams({ q: question })}`);
  }
  ask(question);
});

window.addEventListener("popstate", showUrlQuestion);
showUrlQuestion();
