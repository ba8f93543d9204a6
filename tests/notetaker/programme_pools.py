"""What the generated programme is made of: names, companies, tracks, titles, hostile text.

Names come in several scripts (accents, Cyrillic, Greek, CJK, Arabic, Hebrew,
Devanagari, Thai) and with particles, apostrophes and hyphens, as on a real
KubeCon schedule; none of them is a real person's.
"""

from __future__ import annotations

# fmt: off
FIRST_NAMES = (
    "Ana", "José María", "Zoë", "Łukasz", "Søren", "Maëlle", "Björn", "Chloé", "Mateus", "Priya",
    "Kwame", "Aoife", "Ngozi", "Tomás", "Fatima", "Jean-Luc", "Sam", "Olumide", "Inês", "Dmitri",
    "Mia", "Oğuz", "Erik", "Hélène", "Ravi", "Yuki", "Lena", "Marco", "Nadia", "Thabo",
)
LAST_NAMES = (
    "Silva", "García-López", "Ångström", "Żółć", "Kierkegård", "Dvořák", "O'Neil",
    "van der Berg", "de la Cruz", "Müller", "Nakamura", "Okonkwo", "Ó Súilleabháin",
    "Schröder", "Øster", "Popescu", "Kowalski", "Öztürk", "D'Souza", "Nguyễn", "al-Rashid",
    "Fernández", "Lindqvist", "Mbeki", "Rossi", "Tanaka", "Horvat", "Novák", "Ibáñez", "Weiß",
)
#: whole names in scripts without the Latin alphabet (some a single word, as written)
OTHER_SCRIPTS = (
    "Ольга Петрова", "Дмитрий Иванов", "Νίκος Παπαδόπουλος", "王小明", "李华", "山田 太郎",
    "김민수", "مريم الحسن", "דוד כהן", "प्रिया शर्मा", "สมชาย ใจดี", "陈静",
)
COMPANIES = (
    "Red Hat", "Google", "Microsoft", "SUSE", "Isovalent at Cisco", "Grafana Labs", "Spotify",
    "Adyen", "Booking.com", "ING", "CERN", "NVIDIA", "ByteDance", "Alibaba Cloud",
    "Deutsche Telekom AG", "Mercedes-Benz Tech Innovation", "Chainguard", "Independent",
    "Datadog", "Bloomberg", "The Linux Foundation", "CNCF", "华为", "楽天グループ", "Škoda Auto",
    "Société Générale", "Sopra Steria", "Elastisys", "Giant Swarm", "Kubermatic",
)
JOB_TITLES = (
    "Senior Software Engineer", "Principal Engineer", "CTO", "Staff SRE", "Head of Platform",
    "Developer Advocate", "VP Engineering", "Product Manager", "Distinguished Engineer",
    "Engineering Manager", "Cloud Architect", "Founder",
)
ROLES = ("Maintainer", "Contributor", "Core Maintainer", "SIG Network Co-Chair")
#: companies that hold a comma or an ampersand of their own
COMPANY_WITH_COMMA = "CoreOS, Inc."
COMPANY_WITH_AMPERSAND = "Johnson & Johnson"

#: the breakout tracks of the main days (Sched's CATEGORIES, written as KubeCon writes them)
TRACKS = (
    "AI + ML", "APPLICATION DEVELOPMENT", "CLOUD NATIVE EXPERIENCE", "CLOUD NATIVE NOVICE",
    "COMMUNITY", "CONNECTIVITY", "DATA PROCESSING + STORAGE", "EMERGING + ADVANCED",
    "MAINTAINER TRACK", "OBSERVABILITY", "OPERATIONS + PERFORMANCE", "PLATFORM ENGINEERING",
    "SECURITY", "TUTORIALS",
)
KEYNOTES = "KEYNOTE SESSIONS"
LIGHTNING = "⚡ LIGHTNING TALKS"
UMBRELLA_TRACK = "CNCF-HOSTED CO-LOCATED EVENTS"
#: the co-located events of the first day: an umbrella entry each, and their talks
COLOCATED = (
    "ArgoCon", "BackstageCon", "Cilium + eBPF Day", "Cloud Native + Kubernetes AI Day",
    "Cloud Native University", "Data on Kubernetes Day", "FluxCon", "Istio Day",
    "Kubernetes on Edge Day", "Observability Day", "Open Source SecurityCon", "OpenTofu Day",
    "Platform Engineering Day", "WasmCon", "Cloud Native Telco Day", "Rust Day",
)
ROOMS = tuple(f"Hall {hall} | Room {hall}{room:02d}" for hall in (7, 8, 12) for room in range(1, 7))

TOPICS = (
    "GitOps at Scale", "Multi-Tenant Clusters", "eBPF Networking", "Supply Chain Security",
    "Platform APIs", "Golden Paths", "Cost-Aware Autoscaling", "OpenTelemetry Pipelines",
    "Cluster API Upgrades", "Service Mesh Without Sidecars", "LLM Inference on Kubernetes",
    "Backstage Plugins", "Policy as Code", "Edge Fleets", "Stateful Workloads", "SBOMs",
    "Kubernetes Operators", "Progressive Delivery", "Chaos Engineering", "Developer Portals",
    "Wasm Workloads", "Zero-Trust Networking", "Observability Costs", "Day 2 Operations",
)
TITLE_SHAPES = (
    "{topic}: Lessons From Production",
    "Beyond the Hype - {topic} in Practice",
    "From Zero to {topic}: A Field Guide",
    "{topic} - The Hard Way",
    "Why {topic} Broke Our Platform (and How We Fixed It)",
    "{topic} at 10,000 Nodes: What Changed",
    "Day 2000 - {topic} With Cluster API + Talos",
    "Tutorial: Hands-on {topic}",
    "Panel: The State of {topic}",
    "{topic}; Or, How I Learned to Stop Worrying",
    "<b>{topic}</b> [Part 2] {{role}}`x` *now* C #",
    "{topic} - Deep Dive",
)
SENTENCES = (
    "We share what we learned running this in production for two years.",
    "Expect live demos, numbers and the mistakes we made on the way.",
    "The talk covers the architecture, the migration and the results.",
    "Attendees leave with a checklist they can apply on Monday.",
    "We compare three approaches, with their costs and trade-offs.",
)
#: descriptions that would break a page if they reached Markdown as they are
HOSTILE_DESCRIPTIONS = (
    "Before\n- - -\nafter a thematic break",
    "A line\u2028:::\nthat closes a fence after a line separator",
    "# A heading inside the abstract\nand text",
    "```\ncode fence\n```\n~~~\nanother\n~~~",
    "> # a heading in a quote\n- # a heading in a list\n1. :::",
    "Text\n===\nsetext\n---\n***\n_ _ _\n+++",
    "% a comment\n(target)=\n:field: list\n{note}`role` <!-- comment -->",
    "Control\x01characters\x7f and DEL\u2029new paragraph\x0bvertical tab\x85next line",
    "$$ math $$ and <script>alert(1)</script> [link](http://x) \\ backslash",
    "\t- tabbed list\n    four spaces of code\n\t\t::: deep",
)
# fmt: on
