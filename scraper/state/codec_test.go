package state

import (
	"testing"
	"time"
)

func TestCodecRoundTrip(t *testing.T) {
	tests := []Article{
		{URL: "u"},
		{URL: "https://e.example/a", CanonicalURL: "https://e.example/c", Site: "e",
			FirstSeen: t0, LastSeen: t0.Add(time.Nanosecond), ETag: `"x"`, LastModified: "y", ContentHash: "z"},
		{URL: "https://e.example/old", FirstSeen: time.Date(1600, 1, 1, 0, 0, 0, 1, time.UTC),
			LastSeen: time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)},
		{URL: "https://e.example/ü", Site: "日本", ETag: string([]byte{0, 0xff, '\n'})},
	}
	for _, a := range tests {
		got, err := decodeArticle(a.URL, appendArticle(nil, &a))
		if err != nil {
			t.Fatalf("decode %+v: %v", a, err)
		}
		if !sameArticle(got, a) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, a)
		}
	}
	r := Run{ID: "r", Site: "s", Path: "/p", Started: t0}
	if got, err := decodeRun([]byte("k"), appendRun(nil, &r)); err != nil || got != r {
		t.Errorf("run round trip: %+v, %v", got, err)
	}
}

func TestDecodeDamaged(t *testing.T) {
	good := appendArticle(nil, &Article{URL: "u", Site: "s", FirstSeen: t0, ETag: "e"})
	tests := map[string][]byte{
		"empty":          nil,
		"unknown format": append([]byte{99}, good[1:]...),
		"truncated":      good[:len(good)-1],
		"huge length":    {articleFormat, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"bad time mark":  {articleFormat, 0, 0, 7},
	}
	for name, v := range tests {
		if _, err := decodeArticle("https://e.example/x", v); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

func FuzzDecodeArticle(f *testing.F) {
	f.Add(appendArticle(nil, &Article{URL: "u", Site: "s", FirstSeen: t0, LastSeen: t0, ETag: "e"}))
	f.Add([]byte{articleFormat})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, v []byte) {
		a, err := decodeArticle("u", v)
		if err != nil {
			return
		}
		// What decodes must encode and decode to the same article.
		b, err := decodeArticle("u", appendArticle(nil, &a))
		if err != nil || !sameArticle(a, b) {
			t.Fatalf("re-encoding %+v gave %+v, %v", a, b, err)
		}
	})
}

func FuzzDecodeRun(f *testing.F) {
	f.Add(appendRun(nil, &Run{ID: "r", Site: "s", Path: "p", Started: t0}))
	f.Add([]byte{runFormat, 1})
	f.Fuzz(func(t *testing.T, v []byte) {
		r, err := decodeRun([]byte("k"), v)
		if err != nil {
			return
		}
		if back, err := decodeRun([]byte("k"), appendRun(nil, &r)); err != nil || back != r {
			t.Fatalf("re-encoding %+v gave %+v, %v", r, back, err)
		}
	})
}

func TestFailureCodec(t *testing.T) {
	good := []Failure{
		{URL: "u"},
		{URL: "https://e.example/a", Site: "e", Kind: "http_status", Status: 404, First: t0, Last: t0.Add(time.Hour), Count: 3},
		{URL: "https://e.example/b", Kind: "not_html", Count: maxFailureField},
	}
	for _, f := range good {
		got, err := decodeFailure(f.URL, appendFailure(nil, &f))
		if err != nil || got != f {
			t.Errorf("round trip of %+v: %+v, %v", f, got, err)
		}
	}
	enc := appendFailure(nil, &good[1])
	damaged := map[string][]byte{
		"empty":          nil,
		"unknown format": append([]byte{99}, enc[1:]...),
		"truncated":      enc[:len(enc)-1],
		"huge status":    {failureFormat, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 1},
	}
	for name, v := range damaged {
		if f, err := decodeFailure("u", v); err == nil {
			t.Errorf("%s: decoded as %+v without error", name, f)
		}
	}
}

func FuzzDecodeFailure(f *testing.F) {
	f.Add(appendFailure(nil, &Failure{URL: "u", Site: "s", Kind: "http_status", Status: 410, First: t0, Last: t0, Count: 2}))
	f.Add([]byte{failureFormat})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, v []byte) {
		x, err := decodeFailure("u", v)
		if err != nil {
			return
		}
		// What decodes must encode and decode to the same record.
		back, err := decodeFailure("u", appendFailure(nil, &x))
		if err != nil || back != x {
			t.Fatalf("re-encoding %+v gave %+v, %v", x, back, err)
		}
	})
}
