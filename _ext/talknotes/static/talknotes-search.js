// The search page (talknotes/search.html): Pagefind's index, queried in the browser.
//
// The words and the chosen filter values live in the address, as the form would send
// them (?q=words&topic=Security&topic=Observability), so the theme's search box,
// reloading and sharing a link all show the same results. Within one filter the
// chosen values are alternatives; across filters every one must hold. Each filter
// lists the values found among the results of the words and the other filters, with
// how many results choosing the value gives.

const PAGE_SIZE = 10; // results shown at a time
const VALUES_SHOWN = 8; // values of a filter shown before "Show all"
const TYPING_PAUSE = 300; // milliseconds after the last key press before searching

const section = document.querySelector(".talknotes-search");
const form = section.querySelector(".talknotes-search-form");
const input = form.elements.q;
const status = section.querySelector(".talknotes-search-status");
const list = section.querySelector(".talknotes-search-results");
const more = section.querySelector(".talknotes-search-more");
const clear = section.querySelector(".talknotes-facets-clear");
const facets = [...section.querySelectorAll(".talknotes-facet")].map((element) => ({
  key: element.dataset.facet,
  element,
  chosenLabel: element.querySelector(".talknotes-facet-chosen"),
  values: element.querySelector(".talknotes-facet-values"),
  toggle: element.querySelector(".talknotes-facet-more"),
  chosen: new Set(),
  expanded: false,
}));

let pagefind = null;
let results = [];
let shown = 0;
let counts = {};
let latest = 0; // the search whose results are wanted; older ones are dropped
let typing = null;

function readAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const facet of facets) {
    facet.chosen = new Set(params.getAll(facet.key).filter(Boolean));
  }
}

function writeAddress(words) {
  const params = new URLSearchParams();
  if (words) params.set("q", words);
  for (const facet of facets) {
    for (const value of facet.chosen) params.append(facet.key, value);
  }
  const query = params.toString();
  history.replaceState(history.state, "", query ? `?${query}` : location.pathname);
}

function filtersWithout(left) {
  const filters = {};
  for (const facet of facets) {
    if (facet !== left && facet.chosen.size) filters[facet.key] = { any: [...facet.chosen] };
  }
  return filters;
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

async function search() {
  clearTimeout(typing);
  const mine = ++latest;
  list.setAttribute("aria-busy", "true"); // until this search's results are shown
  try {
    await searchNow(mine);
  } catch {
    if (mine === latest) status.textContent = "The search failed: part of its index is missing.";
  } finally {
    if (mine === latest) list.removeAttribute("aria-busy");
  }
}

async function searchNow(mine) {
  const words = input.value.trim();
  const filtering = facets.some((facet) => facet.chosen.size);
  writeAddress(words);
  if (!words && !filtering) {
    const totals = await pagefind.filters();
    if (mine !== latest) return;
    results = [];
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    showFacets(totals);
    status.textContent = "Type words to find, or choose a topic, speaker or conference.";
    return;
  }
  status.textContent = "Searching…";
  // Without words, the newest talks come first; with words, the best matches.
  const options = { filters: filtersWithout(null), ...(words ? {} : { sort: { date: "desc" } }) };
  const found = await pagefind.search(words || null, options);
  const available = { ...found.filters };
  for (const facet of facets.filter((each) => each.chosen.size)) {
    const others = await pagefind.search(words || null, { filters: filtersWithout(facet) });
    available[facet.key] = others.filters[facet.key] ?? {};
  }
  if (mine !== latest) return;
  results = found.results;
  shown = 0;
  list.replaceChildren();
  showFacets(available);
  await showMore(mine);
  if (mine !== latest) return;
  status.textContent = summary(words, filtering, found);
}

function summary(words, filtering, found) {
  const subject = words ? ` for “${words}”` : "";
  if (results.length) {
    const which = filtering ? " with the chosen filters" : "";
    return `${plural(results.length, "result")}${subject}${which}.`;
  }
  if (filtering && found.unfilteredResultCount) {
    return `No results${subject} with the chosen filters (${found.unfilteredResultCount} without them).`;
  }
  return `No results${subject}.`;
}

async function showMore(mine) {
  const next = results.slice(shown, shown + PAGE_SIZE);
  const pages = await Promise.all(next.map((result) => result.data()));
  if (mine !== latest) return null;
  const items = pages.map(resultItem);
  list.append(...items);
  shown += next.length;
  more.hidden = shown >= results.length;
  return items[0]?.querySelector("a") ?? null;
}

function resultItem(page) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = page.url;
  link.textContent = page.meta.title || page.url;
  heading.append(link);
  item.append(heading);
  const context = [page.meta.where, page.meta.speakers].filter(Boolean).join(" · ");
  if (context) item.append(paragraph("talknotes-search-where", context));
  const excerpt = paragraph("talknotes-search-excerpt", "");
  excerpt.innerHTML = page.excerpt; // Pagefind escapes the page's text and adds only <mark>
  item.append(excerpt);
  return item;
}

function paragraph(className, text) {
  const element = document.createElement("p");
  element.className = className;
  element.textContent = text;
  return element;
}

function ordered(facet, available) {
  const values = Object.entries(available).filter(
    ([value, count]) => count > 0 || facet.chosen.has(value),
  );
  for (const value of facet.chosen) {
    if (!(value in available)) values.push([value, 0]);
  }
  if (facet.key === "year") return values.sort(([a], [b]) => b.localeCompare(a));
  return values.sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
}

function showFacets(available) {
  counts = available;
  const focused = document.activeElement;
  const refocus = focused?.matches(".talknotes-facet input") ? [focused.name, focused.value] : null;
  for (const facet of facets) {
    const values = ordered(facet, available[facet.key] ?? {});
    const visible = facet.expanded
      ? values
      : values.filter(([value], index) => index < VALUES_SHOWN || facet.chosen.has(value));
    facet.values.replaceChildren(...visible.map(([value, count]) => option(facet, value, count)));
    facet.element.hidden = values.length === 0;
    facet.toggle.hidden = values.length <= VALUES_SHOWN;
    facet.toggle.textContent = facet.expanded ? "Show fewer" : `Show all ${values.length}`;
    facet.chosenLabel.textContent = facet.chosen.size ? ` (${facet.chosen.size} chosen)` : "";
  }
  clear.hidden = !facets.some((facet) => facet.chosen.size);
  if (refocus) {
    const [name, value] = refocus;
    const boxes = form.querySelectorAll(`.talknotes-facet input[name="${CSS.escape(name)}"]`);
    [...boxes].find((box) => box.value === value)?.focus();
  }
}

function option(facet, value, count) {
  const label = document.createElement("label");
  const box = document.createElement("input");
  box.type = "checkbox";
  box.name = facet.key;
  box.value = value;
  box.checked = facet.chosen.has(value);
  const number = document.createElement("span");
  number.className = "talknotes-facet-count";
  number.textContent = `(${count})`;
  label.append(box, ` ${value} `, number);
  return label;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  if (pagefind) search();
});
input.addEventListener("input", () => {
  if (!pagefind) return;
  clearTimeout(typing);
  if (input.value.trim()) pagefind.preload(input.value.trim());
  typing = setTimeout(search, TYPING_PAUSE);
});
form.addEventListener("change", (event) => {
  const box = event.target;
  if (!pagefind || !box.matches(".talknotes-facet input")) return;
  const facet = facets.find((each) => each.key === box.name);
  if (box.checked) facet.chosen.add(box.value);
  else facet.chosen.delete(box.value);
  search();
});
for (const facet of facets) {
  facet.toggle.addEventListener("click", () => {
    facet.expanded = !facet.expanded;
    showFacets(counts);
  });
}
clear.addEventListener("click", () => {
  for (const facet of facets) facet.chosen.clear();
  input.focus();
  search();
});
more.addEventListener("click", async () => {
  const first = await showMore(latest);
  first?.focus();
});

async function start() {
  readAddress();
  try {
    const bundle = new URL(section.dataset.bundle, document.baseURI);
    const root = new URL(document.documentElement.dataset.content_root || "./", location.href);
    pagefind = await import(bundle.href);
    // On the page a result leads to, Sphinx's own script highlights the words found.
    await pagefind.options({ baseUrl: root.pathname, highlightParam: "highlight", noWorker: true });
    await pagefind.init();
    await pagefind.filters(); // counts per filter value come with every search from now on
  } catch {
    pagefind = null;
    status.textContent =
      location.protocol === "file:"
        ? "The search works when the site is served over HTTP (nox -s serve), not from files."
        : "The search index could not be loaded.";
    return;
  }
  section.classList.add("talknotes-search-ready");
  await search();
}

start();
