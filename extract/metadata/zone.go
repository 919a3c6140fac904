package metadata

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// countryZones maps a country-code top-level domain to the IANA zone of a
// country that keeps one civil time. Countries spanning several zones
// (us, ca, au, br, ru, mx, id, cl, ...) are absent on purpose: guessing one
// of their zones would print a wrong offset with confidence.
var countryZones = map[string]string{
	"kr": "Asia/Seoul", "jp": "Asia/Tokyo", "cn": "Asia/Shanghai", "tw": "Asia/Taipei",
	"hk": "Asia/Hong_Kong", "mo": "Asia/Macau", "sg": "Asia/Singapore", "my": "Asia/Kuala_Lumpur",
	"th": "Asia/Bangkok", "vn": "Asia/Ho_Chi_Minh", "ph": "Asia/Manila", "in": "Asia/Kolkata",
	"pk": "Asia/Karachi", "bd": "Asia/Dhaka", "lk": "Asia/Colombo", "np": "Asia/Kathmandu",
	"ae": "Asia/Dubai", "sa": "Asia/Riyadh", "qa": "Asia/Qatar", "kw": "Asia/Kuwait",
	"bh": "Asia/Bahrain", "om": "Asia/Muscat", "jo": "Asia/Amman", "lb": "Asia/Beirut",
	"il": "Asia/Jerusalem", "ir": "Asia/Tehran", "iq": "Asia/Baghdad", "tr": "Europe/Istanbul",
	"uk": "Europe/London", "gb": "Europe/London", "ie": "Europe/Dublin", "de": "Europe/Berlin",
	"fr": "Europe/Paris", "it": "Europe/Rome", "es": "Europe/Madrid", "pt": "Europe/Lisbon",
	"nl": "Europe/Amsterdam", "be": "Europe/Brussels", "lu": "Europe/Luxembourg",
	"ch": "Europe/Zurich", "at": "Europe/Vienna", "li": "Europe/Vaduz", "pl": "Europe/Warsaw",
	"cz": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest",
	"si": "Europe/Ljubljana", "hr": "Europe/Zagreb", "rs": "Europe/Belgrade", "ba": "Europe/Sarajevo",
	"ro": "Europe/Bucharest", "bg": "Europe/Sofia", "gr": "Europe/Athens", "cy": "Asia/Nicosia",
	"mt": "Europe/Malta", "dk": "Europe/Copenhagen", "se": "Europe/Stockholm", "no": "Europe/Oslo",
	"fi": "Europe/Helsinki", "is": "Atlantic/Reykjavik", "ee": "Europe/Tallinn", "lv": "Europe/Riga",
	"lt": "Europe/Vilnius", "ua": "Europe/Kiev", "by": "Europe/Minsk", "md": "Europe/Chisinau",
	"eg": "Africa/Cairo", "za": "Africa/Johannesburg", "ng": "Africa/Lagos", "ke": "Africa/Nairobi",
	"gh": "Africa/Accra", "ma": "Africa/Casablanca", "tn": "Africa/Tunis", "nz": "Pacific/Auckland",
	"ar": "America/Argentina/Buenos_Aires", "co": "America/Bogota", "pe": "America/Lima",
	"ve": "America/Caracas", "uy": "America/Montevideo", "py": "America/Asuncion",
	"bo": "America/La_Paz", "cr": "America/Costa_Rica", "pa": "America/Panama",
	"gt": "America/Guatemala", "cu": "America/Havana", "do": "America/Santo_Domingo",
	"pr": "America/Puerto_Rico", "jm": "America/Jamaica",
}

// loadedZones loads countryZones once, on first use.
var loadedZones = onceLocations(countryZones)

// onceLocations returns a function that loads the IANA zones of names
// once, on its first call, keyed as in names; zones the system's tz
// database lacks are left out. The map is never written after loading.
func onceLocations(names map[string]string) func() map[string]*time.Location {
	return sync.OnceValue(func() map[string]*time.Location {
		m := make(map[string]*time.Location, len(names))
		for key, name := range names {
			if loc, err := time.LoadLocation(name); err == nil {
				m[key] = loc
			}
		}
		return m
	})
}

// hostZone returns the zone of host's country-code domain, or nil for a
// generic domain (.com), an IP address, or a country with several zones.
func hostZone(host string) *time.Location {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	i := strings.LastIndexByte(host, '.')
	if i < 0 {
		return nil
	}
	return loadedZones()[host[i+1:]]
}

// siteZone is the zone given to times printed without one: the caller's,
// else that of the page's country-code domain, else nil (unzoned).
func siteZone(opts Options) *time.Location {
	if opts.Timezone != nil {
		return opts.Timezone
	}
	return urlZone(opts.URL)
}

func urlZone(u *url.URL) *time.Location {
	if u == nil {
		return nil
	}
	return hostZone(u.Hostname())
}

// fixedZones are printed zone abbreviations with one unambiguous offset,
// in hours east of UTC. Go's time.Parse would give unknown abbreviations
// a zero offset, so they are resolved here instead.
var fixedZones = map[string]float64{
	"UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0, "WEST": 1, "BST": 1, "IST": 5.5,
	"CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3,
	"KST": 9, "JST": 9, "HKT": 8, "SGT": 8, "PHT": 8, "AWST": 8, "WIB": 7, "ICT": 7,
	"AEST": 10, "AEDT": 11, "ACST": 9.5, "ACDT": 10.5, "NZST": 12, "NZDT": 13,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
}

// namedZones are abbreviations that name a region whose offset follows
// daylight saving: "ET" is EST in winter and EDT in summer.
var namedZones = map[string]string{
	"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}

// loadedNamedZones loads namedZones once, on first use.
var loadedNamedZones = onceLocations(namedZones)

// zoneAbbrev returns the location an abbreviation names, or nil.
func zoneAbbrev(abbr string) *time.Location {
	abbr = strings.ToUpper(abbr)
	if h, ok := fixedZones[abbr]; ok {
		return time.FixedZone(abbr, int(h*3600))
	}
	return loadedNamedZones()[abbr]
}

// zoneAlternation is a regexp alternation of every known abbreviation,
// longest first so that "CEST" is not read as "CET".
func zoneAlternation() string {
	var names []string
	for k := range fixedZones {
		if k != "Z" {
			names = append(names, k)
		}
	}
	for k := range namedZones {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	return strings.Join(names, "|")
}

// parseZone reads a printed zone: Z, +09:00, +0900, UTC+9, GMT-05:00, KST.
func parseZone(z string) *time.Location {
	z = strings.TrimSpace(z)
	if loc := zoneAbbrev(z); loc != nil {
		return loc
	}
	up := strings.ToUpper(z)
	for _, p := range []string{"UTC", "GMT"} {
		up = strings.TrimPrefix(up, p)
	}
	up = strings.ReplaceAll(up, " ", "")
	if len(up) < 2 || (up[0] != '+' && up[0] != '-') {
		return nil
	}
	sign := 1
	if up[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(up[1:], ":", "")
	var h, m int
	var err error
	switch len(digits) {
	case 1, 2:
		h, err = strconv.Atoi(digits)
	case 3, 4:
		h, err = strconv.Atoi(digits[:len(digits)-2])
		if err == nil {
			m, err = strconv.Atoi(digits[len(digits)-2:])
		}
	default:
		return nil
	}
	if err != nil || h > 14 || m > 59 {
		return nil
	}
	return time.FixedZone("", sign*(h*3600+m*60))
}
