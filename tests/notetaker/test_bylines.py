"""Sched summaries split into a title and speakers, in every shape real exports use."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.notetaker.programme import programme
from tests.notetaker.programme_speakers import SHAPES
from tools.notetaker.schedule.bylines import split_summary


@pytest.mark.parametrize(
    ("summary", "title", "speakers"),
    [
        # Name, Company
        ("Cilium at Scale - Ana Silva, Isovalent at Cisco", "Cilium at Scale",
         ["Ana Silva (Isovalent at Cisco)"]),
        # Name, Job Title, Company: the company is the last part, the job title is not kept
        ("Keynote: Welcome Back - Chris Example, CTO, CNCF", "Keynote: Welcome Back",
         ["Chris Example (CNCF)"]),
        # A, Co; B, Co2; C, Co3
        ("Helm 4 Is Here - Andrew Block, Red Hat; Scott Rigby, Replicated; Robert Sirchia, SUSE",
         "Helm 4 Is Here",
         ["Andrew Block (Red Hat)", "Scott Rigby (Replicated)", "Robert Sirchia (SUSE)"]),
        # A, Title, Co & B, Title, Co
        ("Platform APIs - Jane Doe, Staff Engineer, Acme & John Roe, Principal SRE, Beta Systems",
         "Platform APIs", ["Jane Doe (Acme)", "John Roe (Beta Systems)"]),
        # A & B, Company: a shared company
        ("GitOps Everywhere - Ana Silva & Li Wei, Example Corp", "GitOps Everywhere",
         ["Ana Silva (Example Corp)", "Li Wei (Example Corp)"]),
        # A and B, no comma, and A and B, Company (Cloud Native Theater)
        ("Fireside Chat - Priya Raman and Tomás García", "Fireside Chat",
         ["Priya Raman", "Tomás García"]),
        ("Cloud Native Theater | Scaling Things - Ana Silva and Li Wei, Example Corp",
         "Cloud Native Theater | Scaling Things",
         ["Ana Silva (Example Corp)", "Li Wei (Example Corp)"]),
        # Name, Role: a project role gives no company
        ("Project Lightning Talk: What's New in Falco - Jane Doe, Maintainer",
         "Project Lightning Talk: What's New in Falco", ["Jane Doe"]),
        ("Project Lightning Talk: Kyverno - Jo van der Berg, Core Maintainer",
         "Project Lightning Talk: Kyverno", ["Jo van der Berg"]),
        ("SIG Network Intro - Ana Silva, SIG Network Co-Chair", "SIG Network Intro",
         ["Ana Silva"]),
        # Title -Name, Co: no space after the dash
        ("Zero-Trust Networking -Jane Doe, Acme", "Zero-Trust Networking", ["Jane Doe (Acme)"]),
        # companies with a comma or an ampersand of their own
        ("Title - Alex Polvi, CoreOS, Inc.", "Title", ["Alex Polvi (CoreOS, Inc.)"]),
        ("Title - Alex Polvi, CEO, CoreOS, Inc.", "Title", ["Alex Polvi (CoreOS, Inc.)"]),
        ("T - Sam O'Neil, Johnson & Johnson & Li Wei, Acme", "T",
         ["Sam O'Neil (Johnson & Johnson)", "Li Wei (Acme)"]),
        ("T - Mohammed al-Hassan, Marks & Spencer Group", "T",
         ["Mohammed al-Hassan (Marks & Spencer Group)"]),
        # titles with dashes and colons of their own
        ("Day 2000 - Migrating From Kubeadm + Ansible to Cluster API + Talos - Jane Doe, Acme",
         "Day 2000 - Migrating From Kubeadm + Ansible to Cluster API + Talos",
         ["Jane Doe (Acme)"]),
        ("Panel - Jane Doe, Acme - Europe", "Panel", ["Jane Doe (Acme - Europe)"]),
        ("Kubernetes - The Hard Way", "Kubernetes - The Hard Way", []),
        ("Cilium - Deep Dive", "Cilium - Deep Dive", []),
        ("BoF: Platform Engineers Meetup / Training / Networking",
         "BoF: Platform Engineers Meetup / Training / Networking", []),
        ("ArgoCon Hosted by CNCF - Full-Day Event | ALL ACCESS PASS REQUIRED",
         "ArgoCon Hosted by CNCF - Full-Day Event | ALL ACCESS PASS REQUIRED", []),
        # names in other scripts, with or without capitals
        ("Scaling - 王小明, Example & 李华", "Scaling", ["王小明 (Example)", "李华"]),
        ("T - Ольга Петрова, Яндекс & Νίκος Παπαδόπουλος, Ελληνική Εταιρεία", "T",
         ["Ольга Петрова (Яндекс)", "Νίκος Παπαδόπουλος (Ελληνική Εταιρεία)"]),
        ("T - प्रिया शर्मा, Infosys & مريم الحسن and דוד כהן", "T",
         ["प्रिया शर्मा (Infosys)", "مريم الحسن", "דוד כהן"]),
        # hostile: a line separator, DEL and a control character are cleaned away
        ("Hostile\u2028Title - Ana\u2028Silva, Acme\x7f Corp & Kim\x01 Sample, Red Hat",
         "Hostile Title", ["Ana Silva (Acme Corp)", "Kim Sample (Red Hat)"]),
        ("", "", []),
    ],
)  # fmt: skip
def test_every_speaker_shape(summary: str, title: str, speakers: list[str]) -> None:
    found_title, found_speakers = split_summary(summary)
    assert (found_title, [str(s) for s in found_speakers]) == (title, speakers)


def test_a_whole_generated_programme_splits_as_written() -> None:
    """Every talk of a 650-session programme, in every shape, against what was written."""
    talks = programme().talks()
    wrong = [
        (talk.summary, talk.speakers)
        for talk in talks
        if tuple(map(str, split_summary(talk.summary)[1])) != talk.speakers
    ]
    assert wrong == []
    shapes = Counter(talk.shape for talk in talks)
    assert set(shapes) == set(SHAPES)  # all of them, "none" included
    assert min(shapes.values()) >= 10
