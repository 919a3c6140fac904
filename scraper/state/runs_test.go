package state

import (
	"fmt"
	"testing"
)

func TestRuns(t *testing.T) {
	s, _ := openTemp(t)
	runs := []Run{
		{ID: "20261124T020000Z", Site: "a", Path: "out/a/2026-11-24/20261124T020000Z.jsonl", Started: t0},
		{ID: "20261124T020000Z", Site: "b", Path: "out/b/2026-11-24/20261124T020000Z.jsonl", Started: t0},
		{ID: "20261125T020000Z", Site: "a", Path: "out/a/2026-11-25/20261125T020000Z.jsonl", Started: t0},
	}
	for _, r := range runs {
		if err := s.BeginRun(r); err != nil {
			t.Fatal(err)
		}
	}
	check := func(site string, want ...Run) {
		t.Helper()
		got, err := s.OpenRuns(site)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("OpenRuns(%q) = %+v, want %+v", site, got, want)
		}
	}
	check("a", runs[0], runs[2])
	check("b", runs[1])
	check("", runs...)
	check("c")

	if err := s.EndRun(runs[0].ID); err != nil { // ends both sites of that run
		t.Fatal(err)
	}
	check("a", runs[2])
	check("b")
	if err := s.EndRun(runs[0].ID); err != nil {
		t.Errorf("ending an ended run: %v", err)
	}
	if err := s.EndRun("never-begun"); err != nil {
		t.Errorf("ending an unknown run: %v", err)
	}
	check("", runs[2])
}

func TestBeginRunErrors(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.BeginRun(Run{Site: "a"}); err == nil {
		t.Error("BeginRun without ID succeeded")
	}
	if err := s.EndRun(""); err == nil {
		t.Error("EndRun(\"\") succeeded")
	}
}

func TestBeginRunTwiceReplaces(t *testing.T) {
	s, _ := openTemp(t)
	r := Run{ID: "r", Site: "a", Path: "one", Started: t0}
	_ = s.BeginRun(r)
	r.Path = "two"
	if err := s.BeginRun(r); err != nil {
		t.Fatal(err)
	}
	got, _ := s.OpenRuns("a")
	if len(got) != 1 || got[0].Path != "two" {
		t.Errorf("OpenRuns = %+v, want the one replaced run", got)
	}
}

func TestBeginRunZeroStarted(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.BeginRun(Run{ID: "r", Site: "a"}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.OpenRuns("a")
	if len(got) != 1 || got[0].Started.IsZero() {
		t.Errorf("OpenRuns = %+v, want Started set to now", got)
	}
}
